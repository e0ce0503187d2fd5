'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

import type { HostEntry, PoolListEntry } from '@zonedeck/api/schemas';

import { useIsAdmin } from '../../hooks/useRole';
import type { StateTone } from '../../lib/format';
import { spaceFigures } from '../../lib/storage';
import { useTRPC } from '../../trpc/provider';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { ToneBadge } from '../common/ToneBadge';
import { HostGate, PageTitle } from '../hosts/HostGate';
import { useJobActivity } from '../jobs/JobEventsProvider';
import { ArcPanel } from './ArcPanel';
import { DatasetTable } from './DatasetTable';
import { DedupTable } from './DedupTable';
import { PoolOverview } from './PoolOverview';
import { ScrubPanel } from './ScrubPanel';
import { SpaceSavings } from './SpaceSavings';
import { VdevTree } from './VdevTree';

/** How often `zpool status` is read while a scrub or resilver runs. */
export const SCAN_POLL_MS = 2_000;
/** How long after the pool's status the datasets, ARC, VM and image reads start. */
const SECONDARY_DELAY_MS = 100;

export function healthTone(health: string | undefined | null): StateTone {
  switch (health ?? '') {
    case 'ONLINE':
      return 'ok';
    case 'DEGRADED':
      return 'busy';
    case 'FAULTED':
    case 'UNAVAIL':
    case 'SUSPENDED':
      return 'bad';
    default:
      return 'idle';
  }
}

function Loading({ label, className = 'h-32' }: { label: string; className?: string }) {
  return (
    <LoadingRegion label={label}>
      <Skeleton className={`${className} w-full`} />
    </LoadingRegion>
  );
}

function PoolSection({
  hostId,
  pool,
  compressRatio,
  hostMemoryBytes,
}: {
  hostId: string;
  pool: PoolListEntry;
  compressRatio: number | null;
  hostMemoryBytes: number | null;
}) {
  const trpc = useTRPC();
  const isAdmin = useIsAdmin();
  const scrubbing = useJobActivity().isBusy(hostId, `pool:${pool.name}`);
  const status = useQuery({
    ...trpc.storage.poolStatus.queryOptions({ hostId, pool: pool.name }),
    // Also while a scrub job started here runs: its answer can come before `zpool scrub` has run,
    // so the first read after Start may still show the last scrub.
    refetchInterval: (query) =>
      query.state.data?.scan.kind === 'in-progress' || scrubbing ? SCAN_POLL_MS : false,
  });
  // The same query the ARC panel polls: only its maximum is read here.
  const arc = useQuery({ ...trpc.storage.arc.queryOptions({ hostId }), enabled: false });
  const figures = spaceFigures({
    allocatedBytes: pool.allocatedBytes ?? 0,
    dedupRatio: pool.dedupRatio ?? null,
    compressRatio,
  });

  const statusBody = (render: (s: NonNullable<typeof status.data>) => ReactNode) =>
    status.isPending ? (
      <Loading label={`Reading the status of ${pool.name}`} />
    ) : status.isError && !status.data ? (
      <QueryErrorPanel title={`Could not read the status of ${pool.name}`} query={status} />
    ) : (
      render(status.data)
    );

  return (
    <div className="space-y-4">
      <Panel
        label={`Pool ${pool.name}`}
        title={
          <span className="flex items-center gap-2">
            Pool <span className="font-mono">{pool.name}</span>
            <ToneBadge tone={healthTone(pool.health)}>{pool.health ?? 'unknown'}</ToneBadge>
          </span>
        }
      >
        <PoolOverview pool={pool} compressRatio={compressRatio} />
        {status.data?.status || status.data?.action ? (
          <div className="mt-4 space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
            {status.data.status ? <p className="whitespace-pre-wrap">{status.data.status}</p> : null}
            {status.data.action ? <p className="whitespace-pre-wrap">Action: {status.data.action}</p> : null}
          </div>
        ) : null}
      </Panel>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Panel label={`Devices of ${pool.name}`} title="Devices">
          {statusBody((s) => (
            <div className="-mx-4 -my-4">
              <VdevTree pool={pool.name} config={s.config} />
            </div>
          ))}
        </Panel>
        <Panel label={`Scrub of ${pool.name}`} title="Scrub">
          {statusBody((s) => (
            <ScrubPanel hostId={hostId} status={s} canScrub={isAdmin} />
          ))}
        </Panel>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Panel label={`Space savings of ${pool.name}`} title="Dedup and compression savings">
          <SpaceSavings
            pool={pool.name}
            allocatedBytes={pool.allocatedBytes ?? 0}
            dedupRatio={pool.dedupRatio ?? null}
            compressRatio={compressRatio}
          />
        </Panel>
        <Panel label={`Dedup table of ${pool.name}`} title="Dedup table (DDT)">
          {statusBody((s) =>
            s.ddt ? (
              <DedupTable
                pool={pool.name}
                ddt={s.ddt}
                dedupSavedBytes={figures.dedupSavedBytes}
                hostMemoryBytes={hostMemoryBytes}
                arcMaxBytes={arc.data?.cMax ?? null}
              />
            ) : (
              <p className="text-ink-muted">
                No dedup table: dedup has never been on for this pool, so it costs no RAM.
              </p>
            ),
          )}
        </Panel>
      </div>
    </div>
  );
}

function HostStorage({ host }: { host: HostEntry }) {
  const trpc = useTRPC();
  const hostId = host.id;
  const pools = useQuery(trpc.storage.pools.queryOptions({ hostId }));
  // The pool's status is what an admin opens the page for: its request goes alone, right after
  // the pool list (a tRPC batch answers when its slowest call is done), and the rest follows.
  const firstPool = pools.data?.[0]?.name;
  const firstStatus = useQuery({
    ...trpc.storage.poolStatus.queryOptions({ hostId, pool: firstPool ?? '' }),
    enabled: firstPool !== undefined,
  });
  const statusSettled =
    pools.isError || (pools.isSuccess && (firstPool === undefined || !firstStatus.isPending));
  // The other reads start a moment after the status is painted: on a busy host their commands
  // would otherwise compete with the browser for the CPU while it draws the pool.
  const [rest, setRest] = useState(false);
  useEffect(() => {
    if (!statusSettled || rest) return;
    const timer = setTimeout(() => setRest(true), SECONDARY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [statusSettled, rest]);
  const datasets = useQuery({ ...trpc.storage.datasets.queryOptions({ hostId }), enabled: rest });
  const vms = useQuery({ ...trpc.vm.list.queryOptions({ hostId }), enabled: rest });
  const images = useQuery({ ...trpc.image.list.queryOptions({ hostId }), enabled: rest });
  const summary = useQuery({ ...trpc.host.summary.queryOptions({ hostId }), enabled: rest });

  const vmNames = new Map((vms.data ?? []).map((vm) => [vm.uuid, vm.alias ?? vm.uuid]));
  const imageNames = new Map(
    (images.data ?? []).map((i) => [i.manifest.uuid, `${i.manifest.name}@${i.manifest.version}`]),
  );
  const compressOf = (pool: string) => datasets.data?.find((d) => d.name === pool)?.compressRatio ?? null;
  const hostMemoryBytes = summary.data ? summary.data.memoryMiB * 1024 * 1024 : null;

  return (
    <div className="space-y-4">
      <PageTitle title="Storage" host={host} />
      {pools.isPending ? (
        <Loading label="Reading the pools" className="h-40" />
      ) : pools.isError ? (
        <QueryErrorPanel title="Could not list the pools" query={pools} />
      ) : pools.data.length === 0 ? (
        <p className="text-ink-muted">This host has no ZFS pools.</p>
      ) : (
        pools.data.map((pool) => (
          <PoolSection
            key={pool.name}
            hostId={hostId}
            pool={pool}
            compressRatio={compressOf(pool.name)}
            hostMemoryBytes={hostMemoryBytes}
          />
        ))
      )}
      <ArcPanel hostId={hostId} enabled={rest} />
      <Panel
        label="Datasets"
        title={
          <>
            Datasets{' '}
            {datasets.data ? (
              <span className="font-normal text-ink-muted">
                {datasets.data.filter((d) => !d.name.includes('@')).length}
              </span>
            ) : null}
          </>
        }
      >
        {datasets.isPending ? (
          <Loading label="Listing the datasets" className="h-64" />
        ) : datasets.isError ? (
          <QueryErrorPanel title="Could not list the datasets" query={datasets} />
        ) : (
          <div className="-mx-4 -my-4">
            <DatasetTable datasets={datasets.data} vmNames={vmNames} imageNames={imageNames} />
          </div>
        )}
      </Panel>
    </div>
  );
}

/** /storage: pools (health, devices, scrub, savings, dedup table), the ARC, and every dataset. */
export function StoragePage() {
  return <HostGate>{(host) => <HostStorage host={host} />}</HostGate>;
}
