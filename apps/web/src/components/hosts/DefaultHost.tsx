'use client';

import type { HostEntry } from '@zonedeck/api/schemas';

import { VmList } from '../vms/VmList';
import { HostGate } from './HostGate';
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
  return (
    <HostGate>
      {(host) => (
        <div className="space-y-4">
          <HostTitle host={host} />
          <HostSummaryCard hostId={host.id} />
          <VmList hostId={host.id} />
        </div>
      )}
    </HostGate>
  );
}
