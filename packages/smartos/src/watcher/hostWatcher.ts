/**
 * HostWatcher: one per host. Reads the host's VM list, then keeps it current and reports
 * each change as a typed VmEvent to every listener. This version polls `vmadm list` and diffs
 * (node-vmadm's dummy-backend design); after a failed read it reports the link down, backs off,
 * and on recovery sends a full `sync` so listeners never keep a stale picture.
 */
import type { VmSummary } from '../model/vm.js';
import type { VmEvent } from '../model/vmEvent.js';
import { byUuid, diffVms } from './vmDiff.js';

export interface HostWatcherOptions {
  /** Reads the full VM list (the driver's listVms). */
  listVms: (opts: { signal: AbortSignal }) => Promise<VmSummary[]>;
  /** Time between reads while the host answers. Default 2 s. */
  intervalMs?: number;
  /** Longest wait between retries while the host does not answer. Default 30 s. */
  maxBackoffMs?: number;
}

export type VmEventListener = (event: VmEvent) => void;

export interface HostWatcher {
  /** The last full list read, or null before the first read. */
  current(): VmSummary[] | null;
  /** Listens to events; returns the function that stops listening. Starts the watcher on first use. */
  subscribe(listener: VmEventListener): () => void;
  /** Reads the host now instead of at the next tick (e.g. right after a command changed it). */
  refresh(): Promise<void>;
  stop(): void;
}

export function createHostWatcher(opts: HostWatcherOptions): HostWatcher {
  const intervalMs = opts.intervalMs ?? 2_000;
  const maxBackoffMs = opts.maxBackoffMs ?? 30_000;
  const listeners = new Set<VmEventListener>();
  const abort = new AbortController();
  let known: Map<string, VmSummary> | null = null;
  let linkUp = true;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;

  const emit = (event: VmEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  async function readOnce(): Promise<void> {
    try {
      const vms = await opts.listVms({ signal: abort.signal });
      failures = 0;
      if (!linkUp) {
        linkUp = true;
        emit({ type: 'link', up: true, reason: null });
      }
      if (known === null) {
        known = byUuid(vms);
        emit({ type: 'sync', vms });
        return;
      }
      const events = diffVms(known, vms);
      known = byUuid(vms);
      for (const event of events) emit(event);
    } catch (err) {
      if (stopped) return;
      failures++;
      if (linkUp) {
        linkUp = false;
        emit({ type: 'link', up: false, reason: err instanceof Error ? err.message : String(err) });
      }
      // Resync in full when the host answers again.
      known = null;
    }
  }

  function tick(): Promise<void> {
    running ??= readOnce().finally(() => {
      running = null;
      schedule();
    });
    return running;
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    if (stopped || listeners.size === 0) return;
    const delay = failures ? Math.min(maxBackoffMs, intervalMs * 2 ** failures) : intervalMs;
    timer = setTimeout(() => void tick(), delay);
    timer.unref();
  }

  return {
    current: () => (known ? [...known.values()] : null),
    subscribe(listener) {
      listeners.add(listener);
      // The current list goes out after subscribe returns, like every other event.
      const snapshot = known ? [...known.values()] : null;
      if (snapshot)
        queueMicrotask(() => listeners.has(listener) && listener({ type: 'sync', vms: snapshot }));
      // Idle (no listener had it polling): read now; the read schedules the next.
      if (!running && timer === undefined && !stopped) void tick();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clearTimeout(timer);
          timer = undefined;
        }
      };
    },
    refresh: () => tick(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
      listeners.clear();
    },
  };
}
