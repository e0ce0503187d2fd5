'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';

import type { VmEvent } from '@zonedeck/api/schemas';

import { applyVmEvent } from '../../lib/vmEvents';
import { useTRPC } from '../../trpc/provider';

export type LiveStatus =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'disconnected'; reason: string }
  | { kind: 'host-unreachable'; reason: string };

/**
 * Keeps the host's cached VM list current from the `vm.onEvent` SSE subscription: events are
 * written into the TanStack Query cache, nothing is refetched. tRPC's subscription link
 * reconnects by itself; the server sends a full sync after every (re)connect. `onEvent` sees each
 * event after it is in the cache (the detail page reads its VM again when it changed).
 */
export function useLiveVms(hostId: string, onEvent?: (event: VmEvent) => void): LiveStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [hostLink, setHostLink] = useState<{ up: boolean; reason: string | null }>({
    up: true,
    reason: null,
  });
  const listKey = trpc.vm.list.queryKey({ hostId });

  const subscription = useSubscription(
    trpc.vm.onEvent.subscriptionOptions(
      { hostId },
      {
        onData: (event) => {
          if (event.type === 'link') setHostLink({ up: event.up, reason: event.reason });
          if (event.type === 'sync') setHostLink({ up: true, reason: null });
          queryClient.setQueryData(listKey, (list) => applyVmEvent(list, event));
          onEvent?.(event);
        },
      },
    ),
  );

  if (!hostLink.up) return { kind: 'host-unreachable', reason: hostLink.reason ?? 'no answer' };
  switch (subscription.status) {
    case 'pending':
      return { kind: 'live' };
    case 'error':
      return { kind: 'disconnected', reason: subscription.error?.message ?? 'connection lost' };
    case 'connecting':
    case 'idle':
      return { kind: 'connecting' };
  }
}
