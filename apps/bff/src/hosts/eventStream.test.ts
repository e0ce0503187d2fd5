import { describe, expect, it } from 'vitest';

import { createHostWatcher, type VmEvent, type VmSummary } from '@zonedeck/smartos';

import { watcherEvents } from './eventStream.js';

const vm = (n: number): VmSummary => ({
  uuid: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
  alias: `vm${n}`,
  brand: 'joyent',
  state: 'running',
  ramMiB: 64,
  cpuCap: null,
  quotaGiB: null,
  imageUuid: null,
  ips: [],
  createdAt: null,
});

describe('watcherEvents', () => {
  it('yields the watcher’s events until the signal aborts, then unsubscribes', async () => {
    let n = 1;
    const watcher = createHostWatcher({
      listVms: () => Promise.resolve(Array.from({ length: n++ }, (_, i) => vm(i))),
      intervalMs: 5,
    });
    const abort = new AbortController();
    const seen: VmEvent[] = [];
    for await (const event of watcherEvents(watcher, abort.signal)) {
      seen.push(event);
      if (seen.length === 3) abort.abort();
    }
    expect(seen.map((e) => e.type)).toEqual(['sync', 'added', 'added']);
    watcher.stop();
  });

  it('replaces a backlog beyond the limit with one full sync', async () => {
    let n = 1;
    const watcher = createHostWatcher({
      listVms: () => Promise.resolve(Array.from({ length: n++ }, (_, i) => vm(i))),
      intervalMs: 1,
    });
    const abort = new AbortController();
    const iterator = watcherEvents(watcher, abort.signal, 3);
    const first = await iterator.next();
    expect(first.value).toMatchObject({ type: 'sync' });
    // Fall behind: let the watcher add several VMs while nobody reads.
    await new Promise((r) => setTimeout(r, 60));
    const next = await iterator.next();
    abort.abort();
    await iterator.return(undefined);
    watcher.stop();
    expect(next.value).toMatchObject({ type: 'sync' });
    expect((next.value as Extract<VmEvent, { type: 'sync' }>).vms.length).toBeGreaterThan(3);
  });
});
