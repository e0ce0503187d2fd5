/**
 * Parser for one line of `vmadm events -j -r` (REFERENCE 1.9): a `ready` event (with the full
 * VM objects in `vms`, keyed by zonename, where the platform sends them), then create, modify
 * and delete events with the `changes` and (where sent) the new `vm`. VM objects become
 * VmSummary exactly as listVms reads them (vmObjectToSummary).
 */
import { z } from 'zod';

import type { VmSummary } from '../model/vm.js';
import { checked, parseJson } from './parserSupport.js';
import type { VmadmListRow } from './vmadmList.js';
import { rowToVmSummary } from './vmSummary.js';

export type VmadmEvent =
  /** `vms` is null when the platform sends a bare `ready`: read the list instead. */
  | { type: 'ready'; vms: VmSummary[] | null }
  /** `vm` is null when the event carries only the changes. */
  | { type: 'create' | 'modify'; uuid: string; vm: VmSummary | null; changes: string[] }
  | { type: 'delete'; uuid: string };

const vmObject = z.record(z.string(), z.unknown());
const EventLine = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('ready'),
    vms: z.record(z.string(), vmObject).or(z.array(vmObject)).optional(),
  }),
  z.looseObject({
    type: z.enum(['create', 'modify']),
    uuid: z.string(),
    vm: vmObject.optional(),
    changes: z.array(z.looseObject({ prettyPath: z.string().optional() })).optional(),
  }),
  z.looseObject({ type: z.literal('delete'), uuid: z.string() }),
]);

export function parseVmadmEventLine(line: string): VmadmEvent {
  const ev = checked(EventLine, parseJson(line, 'vmadm events'), 'vmadm events');
  switch (ev.type) {
    case 'ready': {
      if (ev.vms === undefined) return { type: 'ready', vms: null };
      const vms: Record<string, unknown>[] = Array.isArray(ev.vms) ? ev.vms : Object.values(ev.vms);
      return { type: 'ready', vms: vms.map(vmObjectToSummary) };
    }
    case 'delete':
      return { type: 'delete', uuid: ev.uuid };
    case 'create':
    case 'modify':
      return {
        type: ev.type,
        uuid: ev.uuid,
        vm: ev.vm ? vmObjectToSummary(ev.vm) : null,
        changes: (ev.changes ?? []).flatMap((c) => (c.prettyPath === undefined ? [] : [c.prettyPath])),
      };
  }
}

const HVM = new Set(['kvm', 'bhyve']);

/**
 * A full VM object → VmSummary, through the `vmadm list -p` row it would print: `ram` is the
 * object's own for kvm and bhyve, max_physical_memory otherwise (vmadm's fake field), and
 * missing, false and '' print as nothing.
 */
export function vmObjectToSummary(vm: Record<string, unknown>): VmSummary {
  const brand = typeof vm.brand === 'string' ? vm.brand : undefined;
  const ram = brand !== undefined && HVM.has(brand) ? vm.ram : vm.max_physical_memory;
  const row: VmadmListRow = {
    uuid: listValue(vm.uuid),
    brand: listValue(vm.brand),
    state: listValue(vm.state),
    ram: listValue(ram),
    cpu_cap: listValue(vm.cpu_cap),
    quota: listValue(vm.quota),
    image_uuid: listValue(vm.image_uuid),
    alias: listValue(vm.alias),
  };
  return rowToVmSummary(row);
}

function listValue(value: unknown): string | null {
  if (value === undefined || value === null || value === false || value === '') return null;
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
