'use client';

import '@xterm/xterm/css/xterm.css';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

import { TerminalSession } from '../../console/terminalSession';
import type { ConsoleControls } from './ConsolePage';
import { ConsoleStatus } from './ConsoleStatus';

/** A serial or shell console: xterm.js on the console socket (the session owns both). */
export function TerminalConsole({
  kind,
  openTicket,
  controls,
}: ConsoleControls & { kind: 'serial' | 'shell' }) {
  const host = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<TerminalSession | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const s = new TerminalSession({ openTicket });
    setSession(s);
    void s.mount(element);
    return () => s.dispose();
  }, [openTicket]);

  const state = useSyncExternalStore(
    session?.state.subscribe ?? noSubscribe,
    session?.state.get ?? connecting,
    connecting,
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <ConsoleStatus
        state={state}
        onReconnect={() => void session?.connect()}
        onStart={controls.onStart}
        starting={controls.starting}
      />
      <div
        className="flex min-h-[24rem] flex-1 overflow-hidden rounded-md border border-line bg-[#0b0f14] p-2"
        onClick={() => session?.focus()}
      >
        <div
          ref={host}
          role="application"
          aria-label={kind === 'shell' ? 'Shell console' : 'Serial console'}
          data-console-kind={kind}
          className="min-w-0 flex-1"
        />
      </div>
    </div>
  );
}

const noSubscribe = () => () => undefined;
const connectingState = { status: 'connecting' } as const;
const connecting = () => connectingState;
