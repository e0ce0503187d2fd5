'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import type { HostEntry } from '@zonedeck/api/schemas';

import { useIsAdmin } from '../../hooks/useRole';
import { importable } from '../../lib/images';
import { useTRPC } from '../../trpc/provider';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { HostGate, PageTitle } from '../hosts/HostGate';
import { ImageCatalog } from './ImageCatalog';
import { ImageSources } from './ImageSources';
import { ImportProgress } from './ImportProgress';
import { InstalledImages } from './InstalledImages';
import { useImageActions } from './useImageActions';

/** The recent jobs, kept current by JobEventsProvider (it writes every job event into this list). */
const JOBS_INPUT = { limit: 50 };

function Loading({ label }: { label: string }) {
  return (
    <LoadingRegion label={label}>
      <Skeleton className="h-32 w-full" />
    </LoadingRegion>
  );
}

function HostImages({ host }: { host: HostEntry }) {
  const trpc = useTRPC();
  const hostId = host.id;
  const isAdmin = useIsAdmin();
  const installed = useQuery(trpc.image.list.queryOptions({ hostId }));
  const avail = useQuery({ ...trpc.image.avail.queryOptions({ hostId }), staleTime: 5 * 60_000 });
  const vms = useQuery(trpc.vm.list.queryOptions({ hostId }));
  const jobs = useQuery(trpc.job.list.queryOptions(JOBS_INPUT));
  const [openedAt] = useState(() => Date.now());

  const catalog = importable(avail.data ?? [], installed.data ?? []);
  const uuids = [
    ...(avail.data ?? []).map((m) => m.uuid),
    ...(installed.data ?? []).map((i) => i.manifest.uuid),
  ];
  const actions = useImageActions(hostId, uuids);

  // Imports running now, and those that ended while this page was open.
  const imports = (jobs.data ?? []).filter(
    (j) =>
      j.kind === 'image.import' &&
      j.hostId === hostId &&
      (j.state === 'running' || (j.finishedAt !== null && Date.parse(j.finishedAt) >= openedAt)),
  );
  const manifestOf = (uuid: string | null) => (avail.data ?? []).find((m) => m.uuid === uuid);

  return (
    <div className="space-y-4">
      <PageTitle title="Images" host={host} />
      <Panel
        label="Installed images"
        title={
          <>
            Installed{' '}
            {installed.data ? (
              <span className="font-normal text-ink-muted">{installed.data.length}</span>
            ) : null}
          </>
        }
      >
        {installed.isPending ? (
          <Loading label="Listing the installed images" />
        ) : installed.isError ? (
          <QueryErrorPanel title="Could not list the installed images" query={installed} />
        ) : (
          <div className="-mx-4 -my-4">
            <InstalledImages
              images={installed.data}
              vms={vms.data ?? []}
              isAdmin={isAdmin}
              isBusy={actions.isBusy}
              onDelete={actions.deleteImage}
            />
          </div>
        )}
      </Panel>
      {imports.length > 0 ? (
        <Panel label="Image imports" title="Imports">
          <ul className="-my-3 divide-y divide-line">
            {imports.map((job) => (
              <ImportProgress key={job.id} job={job} manifest={manifestOf(job.target)} />
            ))}
          </ul>
        </Panel>
      ) : null}
      <div className="space-y-4">
        <Panel
          label="Image catalog"
          title={
            <>
              Catalog{' '}
              {avail.data ? (
                <span className="font-normal text-ink-muted">{catalog.length} not installed</span>
              ) : null}
            </>
          }
        >
          {avail.isPending ? (
            <Loading label="Reading the catalog of the image sources" />
          ) : avail.isError ? (
            <QueryErrorPanel title="Could not read the image catalog" query={avail} />
          ) : (
            <div className="-mx-4 -my-4">
              <ImageCatalog
                images={catalog}
                isAdmin={isAdmin}
                isBusy={actions.isBusy}
                onImport={actions.importImage}
              />
            </div>
          )}
        </Panel>
        <Panel label="Image sources" title="Sources">
          <ImageSources hostId={hostId} isAdmin={isAdmin} />
        </Panel>
      </div>
    </div>
  );
}

/** /images: installed images and who uses them, the sources' catalog with imports, the sources. */
export function ImagesPage() {
  return <HostGate>{(host) => <HostImages host={host} />}</HostGate>;
}
