'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';

import { useTRPC } from '../../trpc/provider';
import { ErrorPanel } from '../common/ErrorPanel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';

/**
 * The host a VM page works on: `?host=<id>` when it names a configured host, else the first
 * one, as the home page does (components/hosts/DefaultHost.tsx).
 */
export function VmHostGate({ children }: { children: (hostId: string) => ReactNode }) {
  const trpc = useTRPC();
  const hosts = useQuery(trpc.host.list.queryOptions());
  const wanted = useSearchParams().get('host');

  if (hosts.isPending) {
    return (
      <LoadingRegion label="Loading hosts">
        <Skeleton className="h-6 w-48" />
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
  const host = hosts.data.find((h) => h.id === wanted) ?? hosts.data[0];
  if (!host) {
    return (
      <div className="rounded-lg border border-dashed border-line-strong bg-surface p-10 text-center">
        <p className="font-medium">No hosts configured</p>
      </div>
    );
  }
  return <>{children(host.id)}</>;
}
