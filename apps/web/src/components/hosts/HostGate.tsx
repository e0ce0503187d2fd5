'use client';

import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { Suspense, useEffect, type ReactNode } from 'react';

import type { HostEntry } from '@zonedeck/api/schemas';

import { useTRPC } from '../../trpc/provider';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { selectHost, useRememberedHost, withHostParam } from './selectedHost';

interface HostGateProps {
  children: (host: HostEntry) => ReactNode;
  /** A host id that wins over the URL's and the remembered one. */
  wanted?: string | null;
}

function LoadingHosts() {
  return (
    <LoadingRegion label="Loading hosts">
      <Skeleton className="h-6 w-48" />
      <Skeleton className="mt-4 h-48 w-full" />
    </LoadingRegion>
  );
}

/**
 * The host a page shows: the selected one (`?host=`, else the one this browser chose in the
 * header's switcher, else the console's first); or why there is none. `children` renders once
 * it is known. The URL is brought in step, so the page's address names its host.
 */
export function HostGate(props: HostGateProps) {
  // useSearchParams needs a Suspense boundary in a statically rendered page.
  return (
    <Suspense fallback={<LoadingHosts />}>
      <SelectedHostGate {...props} />
    </Suspense>
  );
}

function SelectedHostGate({ children, wanted = null }: HostGateProps) {
  const trpc = useTRPC();
  const hosts = useQuery(trpc.host.list.queryOptions());
  const searchParams = useSearchParams();
  const [remembered, remember] = useRememberedHost();
  const host = hosts.data
    ? selectHost(hosts.data, wanted ?? searchParams.get('host'), remembered)
    : undefined;
  const first = hosts.data?.[0]?.id;

  useEffect(() => {
    if (!host) return;
    remember(host.id);
    const search = withHostParam(window.location.search, host.id, first);
    if (search !== window.location.search) {
      // Next keeps useSearchParams in step with the History API, without a navigation.
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${search}${window.location.hash}`,
      );
    }
  }, [host, first, remember]);

  if (hosts.isPending) return <LoadingHosts />;
  if (hosts.isError) {
    return <QueryErrorPanel title="Could not list the hosts" query={hosts} />;
  }
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
