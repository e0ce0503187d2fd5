import type { HostWatcher, VmEvent } from '@zonedeck/smartos';

/**
 * A watcher's events as an async iterable for one subscriber, ending when `signal` aborts.
 * A subscriber that falls more than `maxQueued` events behind gets its queue replaced by one
 * full `sync`, so a slow browser costs bounded memory and still ends up with the right list.
 */
export async function* watcherEvents(
  watcher: HostWatcher,
  signal: AbortSignal,
  maxQueued = 1_000,
): AsyncGenerator<VmEvent> {
  let queue: VmEvent[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = watcher.subscribe((event) => {
    if (queue.length >= maxQueued) {
      const vms = watcher.current();
      queue = vms ? [{ type: 'sync', vms }] : [];
    }
    queue.push(event);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    while (!signal.aborted) {
      const event = queue.shift();
      if (event) {
        yield event;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
