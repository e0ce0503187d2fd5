'use client';

import { useCallback } from 'react';

import type { ConsoleKind } from '@zonedeck/api/schemas/consoleProtocol';

import { ConsoleUnavailable } from '../../console/consoleSocket';
import { errorCode } from '../../trpc/errors';
import { useTRPCClient } from '../../trpc/provider';

/** A function asking for a fresh console ticket each time (each connect and Reconnect). */
export function useConsoleTicket(hostId: string, uuid: string, kind: ConsoleKind): () => Promise<string> {
  const client = useTRPCClient();
  return useCallback(async () => {
    try {
      const ticket = await client.console.createTicket.mutate({ hostId, uuid, kind });
      return ticket.path;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new ConsoleUnavailable(message, errorCode(err) === 'PRECONDITION_FAILED');
    }
  }, [client, hostId, uuid, kind]);
}
