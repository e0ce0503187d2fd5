import type { VmSummary } from '../model/vm.js';
import type { VmEvent } from '../model/vmEvent.js';

const fields = [
  'alias',
  'brand',
  'state',
  'ramMiB',
  'cpuCap',
  'quotaGiB',
  'imageUuid',
  'ips',
  'createdAt',
] as const satisfies readonly (keyof VmSummary)[];

/** The events that turn the list `before` into `after`: added, removed and changed VMs. */
export function diffVms(before: ReadonlyMap<string, VmSummary>, after: readonly VmSummary[]): VmEvent[] {
  const events: VmEvent[] = [];
  const seen = new Set<string>();
  for (const vm of after) {
    seen.add(vm.uuid);
    const old = before.get(vm.uuid);
    if (!old) {
      events.push({ type: 'added', vm });
      continue;
    }
    const changed = fields.filter((f) => !same(old[f], vm[f]));
    if (changed.length) events.push({ type: 'changed', vm, fields: changed });
  }
  for (const uuid of before.keys()) {
    if (!seen.has(uuid)) events.push({ type: 'removed', uuid });
  }
  return events;
}

function same(a: VmSummary[keyof VmSummary], b: VmSummary[keyof VmSummary]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function byUuid(vms: readonly VmSummary[]): Map<string, VmSummary> {
  return new Map(vms.map((vm) => [vm.uuid, vm]));
}
