import { describe, expect, it } from 'vitest';

import type { VmSummary } from '../model/vm.js';
import type { VmEvent } from '../model/vmEvent.js';
import { createHostWatcher } from './hostWatcher.js';

const A = '00000000-0000-0000-0000-00000000000a';
const vm = (state: VmSummary['state']): VmSummary => ({
  uuid: A,
  alias: 'a',
  brand: 'kvm',
  state,
  ramMiB: 1024,
  cpuCap: null,
  quotaGiB: null,
  imageUuid: null,
  ips: [],
  createdAt: null,
});

/** A host whose answers the test scripts: a list, or an error for a dropped link. */
function scriptedHost(answers: (VmSummary[] | Error)[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    listVms: () => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer ?? []);
    },
  };
}

function collect(n: number, watcher: ReturnType<typeof createHostWatcher>): Promise<VmEvent[]> {
  const events: VmEvent[] = [];
  return new Promise((resolve) => {
    const stop = watcher.subscribe((e) => {
      events.push(e);
      if (events.length === n) {
        stop();
        resolve(events);
      }
    });
  });
}

describe('createHostWatcher', () => {
  it('syncs, then reports a state change', async () => {
    const host = scriptedHost([[vm('running')], [vm('running')], [vm('stopped')]]);
    const watcher = createHostWatcher({ listVms: host.listVms, intervalMs: 5 });
    const events = await collect(2, watcher);
    watcher.stop();
    expect(events).toEqual([
      { type: 'sync', vms: [vm('running')] },
      { type: 'changed', vm: vm('stopped'), fields: ['state'] },
    ]);
  });

  it('reports a dropped link, then the link back and a full resync', async () => {
    const host = scriptedHost([[vm('running')], new Error('ssh: connection reset'), [vm('stopped')]]);
    const watcher = createHostWatcher({ listVms: host.listVms, intervalMs: 5, maxBackoffMs: 20 });
    const events = await collect(4, watcher);
    watcher.stop();
    expect(events).toEqual([
      { type: 'sync', vms: [vm('running')] },
      { type: 'link', up: false, reason: 'ssh: connection reset' },
      { type: 'link', up: true, reason: null },
      { type: 'sync', vms: [vm('stopped')] },
    ]);
  });

  it('gives a late subscriber the current list at once and stops polling with no listener', async () => {
    const host = scriptedHost([[vm('running')]]);
    const watcher = createHostWatcher({ listVms: host.listVms, intervalMs: 5 });
    await collect(1, watcher);
    const late = await collect(1, watcher);
    expect(late).toEqual([{ type: 'sync', vms: [vm('running')] }]);
    const calls = host.calls;
    await new Promise((r) => setTimeout(r, 40));
    expect(host.calls).toBeLessThanOrEqual(calls + 1);
    watcher.stop();
  });
});
