/**
 * HostWatcher: one per host. Reads the host's VM list, then keeps it current and reports
 * each change as a typed VmEvent to every listener. Where the host has `vmadm events`
 * (given `events`), one `vmadm events -jr` stream does it (eventsLoop.ts); otherwise, or when
 * the host lacks the command, it polls the VM list (listVms) and diffs (pollLoop.ts, node-vmadm's
 * dummy-backend design). Either way a dropped link is reported, and on recovery a full `sync`
 * goes out so listeners never keep a stale picture.
 */
import type { VmSummary } from '../model/vm.js';
import type { VmEvent } from '../model/vmEvent.js';
import { createEventsLoop, type OpenVmEvents } from './eventsLoop.js';
import { createPollLoop } from './pollLoop.js';
import { WatcherState, type WatchEngine } from './watcherState.js';

export type { OpenVmEvents } from './eventsLoop.js';

export interface HostWatcherOptions {
  /** Reads the full VM list (the driver's listVms). */
  listVms: (opts: { signal: AbortSignal }) => Promise<VmSummary[]>;
  /**
   * Opens a `vmadm events -jr` stream (the driver's watchVmEvents). Without it the watcher
   * polls; with it, it polls only when the host turns out not to have `vmadm events`.
   */
  events?: OpenVmEvents;
  /** Time between reads while polling, and the first retry of a broken stream. Default 2 s. */
  intervalMs?: number;
  /** Longest wait between retries while the host does not answer. Default 30 s. */
  maxBackoffMs?: number;
}

export type VmEventListener = (event: VmEvent) => void;

export interface HostWatcher {
  /** The last full list read, or null before the first read. */
  current(): VmSummary[] | null;
  /** How the watcher follows the host: a `vmadm events` stream or polling. */
  mode(): 'events' | 'polling';
  /** Listens to events; returns the function that stops listening. Starts the watcher on first use. */
  subscribe(listener: VmEventListener): () => void;
  /** Reads the host now instead of waiting (e.g. right after a command changed it). */
  refresh(): Promise<void>;
  stop(): void;
}

export function createHostWatcher(opts: HostWatcherOptions): HostWatcher {
  const intervalMs = opts.intervalMs ?? 2_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 30_000;
  const listeners = new Set<VmEventListener>();
  const abort = new AbortController();
  const emit = (event: VmEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const state = new WatcherState(emit);
  const active = () => !abort.signal.aborted && listeners.size > 0;
  const common = { state, listVms: opts.listVms, signal: abort.signal, maxBackoffMs, active };

  const poll = createPollLoop({ ...common, intervalMs });
  let engine: WatchEngine = poll;
  let mode: 'events' | 'polling' = 'polling';
  if (opts.events) {
    mode = 'events';
    engine = createEventsLoop({
      ...common,
      open: opts.events,
      retryMs: intervalMs,
      fallBack: () => {
        mode = 'polling';
        engine = poll;
        if (active()) poll.wake();
      },
    });
  }

  return {
    current: () => (state.known ? [...state.known.values()] : null),
    mode: () => mode,
    subscribe(listener) {
      listeners.add(listener);
      // The current list goes out after subscribe returns, like every other event.
      const snapshot = state.known ? [...state.known.values()] : null;
      if (snapshot)
        queueMicrotask(() => listeners.has(listener) && listener({ type: 'sync', vms: snapshot }));
      if (!abort.signal.aborted) engine.wake();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) engine.idle();
      };
    },
    refresh: () => engine.refresh(),
    stop() {
      abort.abort();
      engine.stop();
      poll.stop();
      listeners.clear();
    },
  };
}
