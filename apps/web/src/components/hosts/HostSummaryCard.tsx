'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import type { HostSummary } from '@zonedeck/api/schemas';

import { useNow } from '../../hooks/useNow';
import { formatDateTime, formatGiB, formatUptime } from '../../lib/format';
import { useTRPC } from '../../trpc/provider';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { HostNicTable } from './HostNicTable';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-muted">{term}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

function HostFacts({ host }: { host: HostSummary }) {
  const now = useNow();
  const uptime = formatUptime(host.bootTime, now);
  return (
    <>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-3 xl:grid-cols-4">
        <Fact term="Hostname">
          <span className="font-medium">{host.hostname}</span>
        </Fact>
        <Fact term="Platform (live image)">
          <span className="font-mono text-[13px]">{host.liveImage}</span>
        </Fact>
        <Fact term="Hardware">
          {host.manufacturer} {host.product}
        </Fact>
        <Fact term="Admin IP">
          <span className="font-mono text-[13px]">{host.adminIp || '—'}</span>
        </Fact>
        <Fact term="CPU">{host.cpuType}</Fact>
        <Fact term="CPU count">
          {host.cpuCount} threads, {host.cpuCores} cores, {host.cpuSockets}{' '}
          {host.cpuSockets === 1 ? 'socket' : 'sockets'}
        </Fact>
        <Fact term="Memory">{formatGiB(host.memoryMiB)}</Fact>
        <Fact term="Booted">
          <time dateTime={host.bootTime}>{formatDateTime(host.bootTime)}</time>
          {uptime ? <span className="text-ink-muted"> (up {uptime})</span> : null}
        </Fact>
        <Fact term="Zones pool">
          <span className="font-mono text-[13px]">{host.zpool}</span>
        </Fact>
        <Fact term="Host UUID">
          <span className="font-mono text-xs">{host.uuid}</span>
        </Fact>
      </dl>
      <h3 className="mt-5 mb-2 text-xs font-semibold tracking-wide text-ink-muted uppercase">
        Network interfaces
      </h3>
      <HostNicTable nics={host.nics} />
    </>
  );
}

function HostFactsSkeleton() {
  return (
    <LoadingRegion label="Loading host summary">
      <div className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-3 xl:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="space-y-1.5">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="h-4 w-36" />
          </div>
        ))}
      </div>
      <Skeleton className="mt-6 h-20 w-full" />
    </LoadingRegion>
  );
}

/** What `sysinfo` says about one host: identity, platform, CPU, memory, boot, NICs. */
export function HostSummaryCard({ hostId }: { hostId: string }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.host.summary.queryOptions({ hostId }));

  return (
    <Panel label="Host summary" title="Host">
      {summary.isPending ? (
        <HostFactsSkeleton />
      ) : summary.isError ? (
        <QueryErrorPanel title="Could not read the host summary" query={summary} />
      ) : (
        <HostFacts host={summary.data} />
      )}
    </Panel>
  );
}
