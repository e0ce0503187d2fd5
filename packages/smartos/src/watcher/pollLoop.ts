/**
 * The polling engine (node-vmadm's dummy-backend design): reads the full list every interval
 * and diffs; after a failed read it reports the link down and backs off.
 */
import type { VmSummary } from '../model/vm.js';
import { backoff, reasonOf, type WatchEngine, type WatcherState } from './watcherState.js';

export interface PollLoopOptions {
  state: WatcherState;
  listVms: (opts: { signal: AbortSignal }) => Promise<VmSummary[]>;
  signal: AbortSignal;
  intervalMs: number;
  maxBackoffMs: number;
  /** Whether anyone listens (and the watcher is not stopped). */
  active(): boolean;
}

export function createPollLoop(o: PollLoopOptions): WatchEngine {
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  async function readOnce(): Promise<void> {
    try {
      const vms = await o.listVms({ signal: o.signal });
      failures = 0;
      o.state.up();
      o.state.list(vms);
    } catch (err) {
      if (o.signal.aborted) return;
      failures++;
      o.state.down(reasonOf(err));
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
    if (!o.active()) return;
    const delay = failures ? backoff(failures, o.intervalMs, o.maxBackoffMs) : o.intervalMs;
    timer = setTimeout(() => void tick(), delay);
    timer.unref();
  }

  return {
    wake() {
      // idle (no listener had it polling): read now; the read schedules the next
      if (!running && timer === undefined && !o.signal.aborted) void tick();
    },
    idle() {
      clearTimeout(timer);
      timer = undefined;
    },
    refresh: () => tick(),
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
