'use client';

import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';

import { HostGate } from '../hosts/HostGate';

/** The host a VM page works on: `?host=<id>` when it names a configured host, else the first. */
export function VmHostGate({ children }: { children: (hostId: string) => ReactNode }) {
  const wanted = useSearchParams().get('host');
  return <HostGate wanted={wanted}>{(host) => children(host.id)}</HostGate>;
}
