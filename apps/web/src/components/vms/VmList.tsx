'use client';

import { useQuery } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import Link from 'next/link';
import { Suspense, useMemo, useState } from 'react';

import type { VmSummary } from '@zonedeck/api/schemas';

import { useNow } from '../../hooks/useNow';
import { canAdminister, vmName, type PowerAction } from '../../lib/vmActions';
import { filterVmRows, toVmListRow, type ImageNames } from '../../lib/vmListRows';
import { useTRPC } from '../../trpc/provider';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { useBulkPower } from './list/useBulkPower';
import { useSelection } from './list/useSelection';
import { useVmListView } from './list/useVmListView';
import { VmBulkBar } from './list/VmBulkBar';
import { VmListToolbar } from './list/VmListToolbar';
import { LiveIndicator } from './LiveIndicator';
import { useLiveVms } from './useLiveVms';
import { useVmPowerActions } from './useVmPowerActions';
import { VmTable, type VmTableActions } from './VmTable';

function VmTableSkeleton() {
  return (
    <LoadingRegion label="Loading virtual machines">
      <div className="space-y-3">
        {[0, 1, 2, 3].map((row) => (
          <div key={row} className="flex items-center gap-4">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-4 flex-1" />
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}

/**
 * The VM panel of one host: loading, error with retry, empty, or the filtered, sorted table with
 * bulk start / stop of the selected VMs. Filters and sort live in the URL (useVmListView).
 */
export function VmList({ hostId }: { hostId: string }) {
  // useSearchParams (the view) needs a Suspense boundary when the page is rendered ahead.
  return (
    <Suspense fallback={<VmTableSkeleton />}>
      <VmListPanel hostId={hostId} />
    </Suspense>
  );
}

const NO_IMAGES: ImageNames = new Map();

function VmListPanel({ hostId }: { hostId: string }) {
  const trpc = useTRPC();
  const vms = useQuery(trpc.vm.list.queryOptions({ hostId }));
  const images = useQuery(trpc.image.list.queryOptions({ hostId }));
  const live = useLiveVms(hostId);
  const power = useVmPowerActions(hostId);
  const bulk = useBulkPower(hostId);
  const me = useQuery(trpc.auth.me.queryOptions());
  const admin = me.data ? canAdminister(me.data.role) : false;
  const [confirmForceStop, setConfirmForceStop] = useState<VmSummary | null>(null);
  const [view, setView] = useVmListView();
  const now = useNow(60_000);

  const imageNames = useMemo<ImageNames>(
    () =>
      images.data
        ? new Map(images.data.map((i) => [i.manifest.uuid, `${i.manifest.name} ${i.manifest.version}`]))
        : NO_IMAGES,
    [images.data],
  );
  const rows = useMemo(
    () => (vms.data ?? []).map((vm) => toVmListRow(vm, imageNames)),
    [vms.data, imageNames],
  );
  const shown = useMemo(() => filterVmRows(rows, view), [rows, view]);
  const selection = useSelection(vms.data);
  const selectedVms = (vms.data ?? []).filter((vm) => selection.selected.has(vm.uuid));

  const actions: VmTableActions | undefined = power.allowed
    ? {
        isBusy: power.isBusy,
        onAction: (action: PowerAction, vm: VmSummary) => {
          if (action === 'forceStop') setConfirmForceStop(vm);
          else power.run(action, vm);
        },
      }
    : undefined;

  const running = vms.data?.filter((vm) => vm.state === 'running').length ?? 0;
  const title = vms.data ? (
    <>
      VMs{' '}
      <span className="font-normal text-ink-muted">
        {vms.data.length} total, {running} running
      </span>{' '}
      <LiveIndicator status={live} />
    </>
  ) : (
    'VMs'
  );

  return (
    <Panel
      label="VM list"
      title={title}
      actions={
        admin ? (
          <Link
            href="/vms/new"
            className="inline-flex h-7 items-center gap-1 rounded-md border border-transparent bg-accent px-2 text-xs font-medium text-accent-ink hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            <Plus aria-hidden="true" className="size-3.5" />
            Create VM
          </Link>
        ) : undefined
      }
    >
      {vms.isPending ? (
        <VmTableSkeleton />
      ) : vms.isError ? (
        <QueryErrorPanel title="Could not list the VMs" query={vms} />
      ) : vms.data.length === 0 ? (
        <p className="py-8 text-center text-ink-muted">
          No VMs on this host yet.{' '}
          {admin ? (
            <Link href="/vms/new" className="font-medium text-accent hover:underline">
              Create the first one
            </Link>
          ) : (
            'An admin can create one.'
          )}
        </p>
      ) : (
        <div className="-mx-4 -my-4">
          <VmListToolbar view={view} onChange={setView} shown={shown.length} total={rows.length} />
          {power.allowed && selectedVms.length > 0 ? (
            <VmBulkBar
              count={selectedVms.length}
              running={bulk.running}
              onAction={(action) => void bulk.run(action, selectedVms)}
              onClear={selection.clear}
            />
          ) : null}
          {shown.length === 0 ? (
            <p className="border-t border-line py-8 text-center text-ink-muted">No VM matches the filters</p>
          ) : (
            <VmTable
              rows={shown}
              sort={view.sort}
              onSort={(sort) => setView({ ...view, sort })}
              now={now}
              actions={actions}
              selection={power.allowed ? selection : undefined}
            />
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirmForceStop !== null}
        title={confirmForceStop ? `Force stop ${vmName(confirmForceStop)}?` : ''}
        confirmLabel="Force stop"
        onConfirm={() => {
          if (confirmForceStop) power.run('forceStop', confirmForceStop);
          setConfirmForceStop(null);
        }}
        onCancel={() => setConfirmForceStop(null)}
      >
        The guest is not asked to shut down.
      </ConfirmDialog>
    </Panel>
  );
}
