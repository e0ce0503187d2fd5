'use client';

import { useQuery } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';

import type { VmSummary } from '@zonedeck/api/schemas';

import { canAdminister, vmName, type PowerAction } from '../../lib/vmActions';
import { useTRPC } from '../../trpc/provider';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
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

/** The VM panel of one host: loading, error with retry, empty, or the table. */
export function VmList({ hostId }: { hostId: string }) {
  const trpc = useTRPC();
  const vms = useQuery(trpc.vm.list.queryOptions({ hostId }));
  const live = useLiveVms(hostId);
  const power = useVmPowerActions(hostId);
  const me = useQuery(trpc.auth.me.queryOptions());
  const admin = me.data ? canAdminister(me.data.role) : false;
  const [confirmForceStop, setConfirmForceStop] = useState<VmSummary | null>(null);

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
        <ErrorPanel
          title="Could not list the VMs"
          error={vms.error}
          onRetry={() => void vms.refetch()}
          retrying={vms.isFetching}
        />
      ) : vms.data.length === 0 ? (
        <p className="py-8 text-center text-ink-muted">No VMs on this host yet</p>
      ) : (
        <div className="-mx-4 -my-4">
          <VmTable vms={vms.data} actions={actions} />
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
