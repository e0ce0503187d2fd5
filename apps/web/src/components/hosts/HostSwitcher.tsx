'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useId } from 'react';

import { useTRPC } from '../../trpc/provider';
import { selectHost, useRememberedHost, withHostParam } from './selectedHost';

/** Pages about one object of a host (a VM, its console, a job): switching leaves them for the VM list. */
function hostIndependentPath(pathname: string): string {
  return /^\/(vms|consoles|jobs)\/./.test(pathname) ? '/' : pathname;
}

function Switcher() {
  const trpc = useTRPC();
  const hosts = useQuery(trpc.host.list.queryOptions());
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const [remembered, remember] = useRememberedHost();
  const id = useId();
  const list = hosts.data ?? [];
  // Only worth showing once there is a choice.
  if (list.length < 2) return null;
  const selected = selectHost(list, searchParams.get('host'), remembered);

  function choose(hostId: string) {
    remember(hostId);
    const path = hostIndependentPath(pathname);
    router.push(`${path}${withHostParam('', hostId, list[0]?.id)}`);
  }

  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-xs text-ink-muted">
        Host
      </label>
      <select
        id={id}
        value={selected?.id ?? ''}
        onChange={(e) => choose(e.target.value)}
        className="h-7 max-w-48 rounded-md border border-line-strong bg-surface px-1.5 text-sm text-ink shadow-xs focus:border-accent focus:outline-2 focus:outline-accent/30"
      >
        {list.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name}
            {h.simulated ? ' (demo)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The header's host switcher: every page then works on the chosen host (`?host=`, remembered). */
export function HostSwitcher() {
  return (
    <Suspense fallback={null}>
      <Switcher />
    </Suspense>
  );
}
