// `vmadm events [-fjr] [uuid]` (vmadm.js do_events over vminfod): runs until stopped,
// printing one line per VM create / modify / delete. vminfod is the state directory here:
// vms/ is watched (fs.watch, plus a poll in case a notification is missed) and each VM object
// that changed is diffed against the last one seen (eventsDiff.ts).
import { randomUUID } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { format } from 'node:util';

import { jsString, type JsonObject, type VmObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { readAllVms, readVm } from '../../state/vmStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import type { ParsedArgs } from './args.js';
import type { VmadmContext } from './context.js';
import { diff, type Change } from './eventsDiff.js';
import { printed } from './printed.js';

const UUID_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;
const POLL_MS = 250;

interface VmEvent {
  type: 'create' | 'modify' | 'delete';
  date: Date;
  zonename: string;
  uuid: string;
  vm?: VmObject;
  changes?: Change[];
}

interface Options {
  full: boolean;
  json: boolean;
  ready: boolean;
}

function formatDate(date: Date, o: Options): string {
  return o.full ? date.toISOString() : (date.toISOString().split('T')[1] ?? '');
}

/** The lines vmadm prints for one event. */
export function formatEvent(ev: VmEvent, o: Options): string[] {
  if (o.json) return [JSON.stringify(ev)];
  const zn = o.full ? ev.zonename : (ev.zonename.split('-')[0] ?? '');
  let alias = typeof ev.vm?.alias === 'string' && ev.vm.alias !== '' ? ev.vm.alias : '-';
  if (alias.length > 30) alias = `${alias.slice(0, 27)}...`;
  const base = `[${formatDate(ev.date, o)}] ${zn} ${alias} ${ev.type}`;
  if (ev.changes === undefined) return [base];
  return ev.changes.map((c) =>
    format('%s: %s %s :: %j -> %j', base, c.prettyPath, c.action, c.oldValue, c.newValue),
  );
}

function byUuid(vms: readonly VmObject[]): Map<string, VmObject> {
  return new Map(vms.map((vm) => [jsString(vm.uuid), vm]));
}

function event(type: VmEvent['type'], vm: VmObject, extra: Partial<VmEvent> = {}): VmEvent {
  const ev: VmEvent = {
    type,
    date: new Date(),
    zonename: jsString(vm.zonename ?? vm.uuid),
    uuid: jsString(vm.uuid),
  };
  if (type !== 'delete') ev.vm = vm;
  if (extra.changes !== undefined) ev.changes = extra.changes;
  return ev;
}

export async function vmadmEvents(
  parsed: ParsedArgs,
  uuid: string | undefined,
  ctx: VmadmContext,
): Promise<ToolResult> {
  const layout: SimLayout = ctx.layout();
  const o: Options = {
    full: parsed.values.get('full') === true,
    json: parsed.values.get('json') === true,
    ready: parsed.values.get('ready') === true,
  };
  const collected = new ToolOutput();
  const write = (line: string): void => (ctx.write ? ctx.write(`${line}\n`) : collected.log(line));

  const known = byUuid(readAllVms(layout));
  if (uuid !== undefined && !known.has(uuid)) return printed(`VM ${uuid} not found`);
  if (o.ready) {
    const date = new Date();
    if (o.json) {
      const vms: JsonObject = {};
      for (const [, vm] of known) vms[jsString(vm.zonename ?? vm.uuid)] = vm;
      write(JSON.stringify({ type: 'ready', date, uuid: randomUUID(), vms }));
    } else if (o.full) write(`[${formatDate(date, o)}] ready (uuid ${randomUUID()})`);
    else write(`[${formatDate(date, o)}] ready`);
  }

  const emit = (ev: VmEvent): void => {
    if (uuid !== undefined && ev.uuid !== uuid) return;
    for (const line of formatEvent(ev, o)) write(line);
  };
  /** Compares one VM file with what was last seen. */
  const check = (id: string): void => {
    let now: VmObject | undefined;
    try {
      now = readVm(layout, id);
    } catch {
      return; // unreadable mid-write (never with atomic writes): the next look will tell
    }
    const before = known.get(id);
    if (now === undefined) {
      if (before !== undefined) {
        known.delete(id);
        emit(event('delete', before));
      }
      return;
    }
    known.set(id, now);
    if (before === undefined) {
      emit(event('create', now));
      return;
    }
    const changes = diff(before, now);
    if (changes.length > 0) emit(event('modify', now, { changes }));
  };
  const rescan = (): void => {
    let current: Map<string, VmObject>;
    try {
      current = byUuid(readAllVms(layout));
    } catch {
      return;
    }
    for (const id of new Set([...known.keys(), ...current.keys()])) check(id);
  };

  let watcher: FSWatcher | undefined;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      clearInterval(poll);
      watcher?.close();
      resolve();
    };
    const poll = setInterval(rescan, POLL_MS);
    try {
      watcher = watch(layout.vmsDir, (_type, name) => {
        const m = typeof name === 'string' ? UUID_FILE.exec(name) : null;
        if (m?.[1] !== undefined) check(m[1]);
      });
      watcher.on('error', () => undefined);
    } catch {
      // no inotify here: the poll alone keeps watching
    }
    if (ctx.signal?.aborted === true) stop();
    ctx.signal?.addEventListener('abort', stop, { once: true });
    if (!ctx.signal) stop();
  });
  return collected.result(0);
}
