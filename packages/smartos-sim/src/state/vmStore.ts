import { readdirSync, readFileSync } from 'node:fs';

import { writeJsonAtomic } from './atomicWrite.js';
import { isJsonObject, jsString, type VmObject } from './json.js';
import { vmFile, type SimLayout } from './layout.js';

const UUID_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

function parseVm(text: string, path: string): VmObject {
  const value: unknown = JSON.parse(text);
  if (!isJsonObject(value)) throw new Error(`${path}: not a VM object`);
  return value;
}

/** The VM with this uuid, or undefined when no such zone is configured. */
export function readVm(layout: SimLayout, uuid: string): VmObject | undefined {
  const path = vmFile(layout, uuid);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return parseVm(text, path);
}

/** Every VM, in file-name (uuid) order. Files vanishing mid-read (deletes) are skipped. */
export function readAllVms(layout: SimLayout): VmObject[] {
  const names = readdirSync(layout.vmsDir)
    .filter((n) => UUID_FILE.test(n))
    .sort();
  const vms: VmObject[] = [];
  for (const name of names) {
    const vm = readVm(layout, name.slice(0, -'.json'.length));
    if (vm) vms.push(vm);
  }
  return vms;
}

/** Writes one VM atomically. Callers that read-modify-write hold the state lock. */
export function writeVm(layout: SimLayout, vm: VmObject): void {
  const uuid = vm.uuid;
  if (typeof uuid !== 'string') throw new Error('VM object without a uuid');
  writeJsonAtomic(vmFile(layout, uuid), vm);
}

/**
 * The order vmload hands VMs to vmadm lookup/list before sorting: zoneadm's order,
 * i.e. running zones by zoneid, then the others (here by create_timestamp, uuid).
 */
export function zoneadmOrder(vms: VmObject[]): VmObject[] {
  const running = vms.filter((vm) => typeof vm.zoneid === 'number');
  const others = vms.filter((vm) => typeof vm.zoneid !== 'number');
  running.sort((a, b) => (a.zoneid as number) - (b.zoneid as number));
  const created = (vm: VmObject): string =>
    typeof vm.create_timestamp === 'string' ? vm.create_timestamp : '';
  others.sort(
    (a, b) => created(a).localeCompare(created(b)) || jsString(a.uuid).localeCompare(jsString(b.uuid)),
  );
  return [...running, ...others];
}
