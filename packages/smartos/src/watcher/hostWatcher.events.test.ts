import { describe, expect, it } from 'vitest';

import { SmartosError } from '../errors.js';
import type { VmSummary } from '../model/vm.js';
import type { VmEvent } from '../model/vmEvent.js';
import { parseVmadmEventLine } from '../parsers/vmadmEvents.js';
import type { VmEventStreamEnd, VmEventStreamHandlers } from '../tools/vmadmEvents.js';
import { createHostWatcher } from './hostWatcher.js';

const A = '00000000-0000-0000-0000-00000000000a';
const B = '00000000-0000-0000-0000-00000000000b';
const vmObject = (uuid: string, state: string) => ({
  uuid,
  zonename: uuid,
  alias: uuid === A ? 'a' : 'b',
  brand: 'joyent',
  state,
  max_physical_memory: 256,
  quota: 10,
});
const summary = (uuid: string, state: VmSummary['state']): VmSummary => ({
  uuid,
  alias: uuid === A ? 'a' : 'b',
  brand: 'joyent',
  state,
  ramMiB: 256,
  cpuCap: null,
  quotaGiB: 10,
  imageUuid: null,
  ips: [],
  createdAt: null,
});
const ready = (...vms: ReturnType<typeof vmObject>[]) =>
  JSON.stringify({ type: 'ready', vms: Object.fromEntries(vms.map((v) => [v.zonename, v])) });
const modify = (vm: ReturnType<typeof vmObject>) =>
  JSON.stringify({ type: 'modify', uuid: vm.uuid, changes: [{ prettyPath: 'state' }], vm });

/** A scripted `vmadm events` host: each open() runs the next script (lines, then how it ends). */
type Script = { lines: string[]; end?: VmEventStreamEnd } | Error;
function scriptedEvents(scripts: Script[]) {
  let opens = 0;
  let stops = 0;
  const open = async (handlers: VmEventStreamHandlers) => {
    const script = scripts[Math.min(opens++, scripts.length - 1)];
    if (script === undefined || script instanceof Error) throw script ?? new Error('no script');
    let stopped = false;
    setTimeout(() => {
      for (const line of script.lines) {
        if (stopped) return;
        handlers.event(parseVmadmEventLine(line));
      }
      if (script.end && !stopped) handlers.end(script.end);
    }, 1);
    return Promise.resolve({
      stop() {
        stopped = true;
        stops++;
      },
    });
  };
  return {
    open,
    get opens() {
      return opens;
    },
    get stops() {
      return stops;
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

const noList = () => Promise.reject(new Error('listVms must not be called'));

describe('createHostWatcher with vmadm events', () => {
  it('turns ready into sync, modify into changed, create into added and delete into removed', async () => {
    const host = scriptedEvents([
      {
        lines: [
          ready(vmObject(A, 'running')),
          modify(vmObject(A, 'running')), // a change to no summary field: nothing
          modify(vmObject(A, 'stopped')),
          JSON.stringify({ type: 'create', uuid: B, vm: vmObject(B, 'running') }),
          JSON.stringify({ type: 'delete', uuid: A }),
        ],
      },
    ]);
    const watcher = createHostWatcher({ listVms: noList, events: host.open });
    const events = await collect(4, watcher);
    expect(watcher.mode()).toBe('events');
    expect(events).toEqual([
      { type: 'sync', vms: [summary(A, 'running')] },
      { type: 'changed', vm: summary(A, 'stopped'), fields: ['state'] },
      { type: 'added', vm: summary(B, 'running') },
      { type: 'removed', uuid: A },
    ]);
    await new Promise((r) => setTimeout(r, 5));
    expect(host.stops).toBe(1); // the last listener left: the stream is stopped
    watcher.stop();
  });

  it('reports a stream that ends as link down, restarts it, and resyncs in full from the new ready', async () => {
    const dropped = new SmartosError({ code: 'HostUnreachable', message: 'ssh: connection reset' });
    const host = scriptedEvents([
      { lines: [ready(vmObject(A, 'running'))], end: { exitCode: null, output: '', error: dropped } },
      new SmartosError({ code: 'HostUnreachable', message: 'connect ECONNREFUSED' }),
      { lines: [ready(vmObject(A, 'stopped'))] },
    ]);
    const watcher = createHostWatcher({
      listVms: noList,
      events: host.open,
      intervalMs: 5,
      maxBackoffMs: 20,
    });
    const events = await collect(4, watcher);
    watcher.stop();
    expect(events).toEqual([
      { type: 'sync', vms: [summary(A, 'running')] },
      { type: 'link', up: false, reason: 'ssh: connection reset' },
      { type: 'link', up: true, reason: null },
      { type: 'sync', vms: [summary(A, 'stopped')] },
    ]);
    expect(host.opens).toBe(3);
  });

  it.each([
    ['usage text', { exitCode: 2, output: 'Usage: vmadm <command> [options]\n' }],
    ['"not implemented"', { exitCode: 1, output: 'vmadm events: not implemented\n' }],
    ['an unknown command', { exitCode: 1, output: 'Invalid command: "events"\n' }],
    ['command not found (ssh)', { exitCode: 127, output: 'sh: vmadm: not found\n' }],
  ])('falls back to polling when the host answers with %s', async (_name, end: VmEventStreamEnd) => {
    const host = scriptedEvents([{ lines: [], end }]);
    let lists = 0;
    const listVms = () => Promise.resolve([summary(A, lists++ ? 'stopped' : 'running')]);
    const watcher = createHostWatcher({ listVms, events: host.open, intervalMs: 5 });
    const events = await collect(2, watcher);
    watcher.stop();
    expect(watcher.mode()).toBe('polling');
    expect(events).toEqual([
      { type: 'sync', vms: [summary(A, 'running')] },
      { type: 'changed', vm: summary(A, 'stopped'), fields: ['state'] },
    ]);
    expect(host.opens).toBe(1);
  });

  it('falls back to polling when the transport cannot stream the command', async () => {
    const host = scriptedEvents([new SmartosError({ code: 'CommandNotFound', message: 'vmadm: not found' })]);
    const watcher = createHostWatcher({
      listVms: () => Promise.resolve([summary(A, 'running')]),
      events: host.open,
    });
    expect(await collect(1, watcher)).toEqual([{ type: 'sync', vms: [summary(A, 'running')] }]);
    expect(watcher.mode()).toBe('polling');
    watcher.stop();
  });

  it('reads the list for a bare ready and for an event without its VM', async () => {
    const host = scriptedEvents([
      {
        lines: [
          JSON.stringify({ type: 'ready' }),
          JSON.stringify({ type: 'modify', uuid: A, changes: [{ prettyPath: 'state' }] }),
        ],
      },
    ]);
    const lists = [[summary(A, 'running')], [summary(A, 'stopped')]];
    let n = 0;
    const listVms = () => Promise.resolve(lists[Math.min(n++, 1)] ?? []);
    const watcher = createHostWatcher({ listVms, events: host.open });
    const events = await collect(2, watcher);
    watcher.stop();
    expect(events).toEqual([
      { type: 'sync', vms: [summary(A, 'running')] },
      { type: 'changed', vm: summary(A, 'stopped'), fields: ['state'] },
    ]);
  });
});
