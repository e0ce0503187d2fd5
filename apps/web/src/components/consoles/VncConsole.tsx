'use client';

import { Keyboard, Maximize } from 'lucide-react';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

import { VncSession } from '../../console/vncSession';
import { Button } from '../common/Button';
import type { ConsoleControls } from './ConsolePage';
import { ConsoleStatus } from './ConsoleStatus';

/** A VNC console: noVNC scaled to fit, with full screen, Ctrl-Alt-Del and paste-as-keystrokes. */
export function VncConsole({ openTicket, controls }: ConsoleControls) {
  const frame = useRef<HTMLDivElement>(null);
  const screen = useRef<HTMLDivElement>(null);
  const [session, setSession] = useState<VncSession | null>(null);
  const [paste, setPaste] = useState('');

  useEffect(() => {
    const element = screen.current;
    if (!element) return;
    const s = new VncSession({ openTicket });
    setSession(s);
    void s.mount(element);
    return () => s.dispose();
  }, [openTicket]);

  const state = useSyncExternalStore(
    session?.state.subscribe ?? noSubscribe,
    session?.state.get ?? connecting,
    connecting,
  );
  const connected = state.status === 'connected';

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <div className="min-w-0 flex-1">
          <ConsoleStatus
            state={state}
            onReconnect={() => void session?.connect()}
            onStart={controls.onStart}
            starting={controls.starting}
          />
        </div>
        <Button size="sm" onClick={() => session?.sendCtrlAltDel()} disabled={!connected}>
          <Keyboard aria-hidden="true" className="size-3.5" />
          Ctrl-Alt-Del
        </Button>
        <Button
          size="sm"
          onClick={() => void frame.current?.requestFullscreen().then(() => session?.focus())}
          disabled={!connected}
        >
          <Maximize aria-hidden="true" className="size-3.5" />
          Full screen
        </Button>
      </div>
      <div
        ref={frame}
        className="flex min-h-[24rem] flex-1 overflow-hidden rounded-md border border-line bg-[#0b0f14]"
      >
        <div ref={screen} role="application" aria-label="VNC console" className="min-w-0 flex-1" />
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          session?.typeText(paste);
          setPaste('');
          session?.focus();
        }}
      >
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-ink-muted">
          Paste as keystrokes
          <textarea
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            rows={1}
            spellCheck={false}
            className="resize-y rounded-md border border-line-strong bg-surface px-2 py-1 font-mono text-sm text-ink"
          />
        </label>
        <Button type="submit" size="sm" disabled={!connected || paste === ''}>
          Type it
        </Button>
      </form>
    </div>
  );
}

const noSubscribe = () => () => undefined;
const connectingState = { status: 'connecting' } as const;
const connecting = () => connectingState;
