'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import type { HostEntry } from '@zonedeck/api/schemas';

import { useTRPC } from '../../trpc/provider';
import { ErrorPanel } from '../common/ErrorPanel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';

/**
 * The host a page shows: `wanted` when it names a configured host, else the console's first;
 * or why there is none. `children` renders once it is known.
 */
export function HostGate({
  children,
  wanted = null,
}: {
  children: (host: HostEntry) => ReactNode;
  wanted?: string | null;
}) {
  const trpc = useTRPC();
  const hosts = useQuery(trpc.host.list.queryOptions());
  if (hosts.isPending) {
    return (
      <LoadingRegion label="Loading hosts">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="mt-4 h-48 w-full" />
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
  const host = hosts.data.find((h) => h.id === wanted) ?? hosts.data[0];
  if (!host) {
    return (
      <div className="rounded-lg border border-dashed border-line-strong bg-surface p-10 text-center">
        <p className="font-medium">No hosts configured</p>
        <p className="mt-1 text-ink-muted">Add a SmartOS host to the console to see it here.</p>
      </div>
    );
  }
  return <>{children(host)}</>;
}

/** A page title with the host it is about. */
export function PageTitle({
  title,
  host,
  children,
}: {
  title: string;
  host: HostEntry;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
      <span className="text-xs text-ink-muted">
        {host.name}
        {host.simulated ? ' · simulated host' : ''}
      </span>
      {children}
    </div>
  );
}
