'use client';

import { useQuery } from '@tanstack/react-query';

import type { HostEntry } from '@zonedeck/api/schemas';

import { useTRPC } from '../../trpc/provider';
import { ErrorPanel } from '../common/ErrorPanel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { VmList } from '../vms/VmList';
import { HostSummaryCard } from './HostSummaryCard';

function HostTitle({ host }: { host: HostEntry }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <h1 className="text-lg font-semibold tracking-tight">{host.name}</h1>
      <span className="text-xs text-ink-muted">
        {host.transport === 'ssh' ? 'over SSH' : 'local'}
        {host.simulated ? ' · simulated host' : ''}
      </span>
    </div>
  );
}

/** The home page: the first host the console manages, its summary and its VMs. */
export function DefaultHost() {
  const trpc = useTRPC();
  const hosts = useQuery(trpc.host.list.queryOptions());

  if (hosts.isPending) {
    return (
      <LoadingRegion label="Loading hosts">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="mt-4 h-48 w-full" />
        <Skeleton className="mt-4 h-64 w-full" />
      </LoadingRegion>
    );
  }
  if (hosts.isError) {
    return (
      <ErrorPanel
        title="Could not list the hosts"
        error={hosts.error}
        onRetry={() => void hosts.refetch()}
        retrying={hosts.isFetching}
      />
    );
  }
  const host = hosts.data[0];
  if (!host) {
    return (
      <div className="rounded-lg border border-dashed border-line-strong bg-surface p-10 text-center">
        <p className="font-medium">No hosts configured</p>
        <p className="mt-1 text-ink-muted">Add a SmartOS host to the console to see it here.</p>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <HostTitle host={host} />
      <HostSummaryCard hostId={host.id} />
      <VmList hostId={host.id} />
    </div>
  );
}
