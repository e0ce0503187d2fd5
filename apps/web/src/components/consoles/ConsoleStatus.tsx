'use client';

import { Play, RotateCw } from 'lucide-react';

import type { ConsoleState } from '../../console/consoleState';
import { Button } from '../common/Button';

/** The link's state above a console: a dropped link says why and offers Reconnect (and Start). */
export function ConsoleStatus({
  state,
  onReconnect,
  onStart,
  starting,
}: {
  state: ConsoleState;
  onReconnect: () => void;
  onStart: (() => void) | null;
  starting: boolean;
}) {
  switch (state.status) {
    case 'connecting':
      return (
        <p role="status" className="text-sm text-ink-muted">
          Connecting…
        </p>
      );
    case 'connected':
      return (
        <p role="status" className="flex flex-wrap items-center gap-x-3 text-sm text-ink-muted">
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2 rounded-full bg-emerald-500" />
            Connected
          </span>
          {state.viewers.length > 0 ? (
            <span>also open by: {[...new Set(state.viewers)].join(', ')}</span>
          ) : null}
        </p>
      );
    case 'reconnecting':
      return (
        <p
          role="status"
          className="inline-flex items-center gap-1.5 text-sm text-amber-800 dark:text-amber-200"
        >
          <RotateCw aria-hidden="true" className="size-3.5 motion-safe:animate-spin" />
          {state.reason}
          <span className="text-ink-muted">
            (try {state.attempt} of {state.attempts})
          </span>
        </p>
      );
    case 'disconnected':
      return (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
        >
          <span>
            Disconnected: <span className="font-medium">{state.reason}</span>
          </span>
          <span className="ml-auto flex gap-2">
            {state.guestStopped && onStart ? (
              <Button size="sm" variant="primary" onClick={onStart} disabled={starting}>
                <Play aria-hidden="true" className="size-3.5" />
                {starting ? 'Starting…' : 'Start'}
              </Button>
            ) : null}
            <Button size="sm" onClick={onReconnect}>
              <RotateCw aria-hidden="true" className="size-3.5" />
              Reconnect
            </Button>
          </span>
        </div>
      );
  }
}
