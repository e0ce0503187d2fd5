// Reading the full `vmadm get` object the detail page shows. The contract types only a few of
// its properties (VmDetail is a loose object), so each reader here checks what it takes and
// skips what it does not understand. Pure: tested in vmDetail.test.ts.
import type { Job, VmDetail } from '@zonedeck/api/schemas';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface VmSnapshot {
  name: string;
  /** ISO-8601, when the host said. */
  createdAt: string | null;
  /** Bytes, when the host said. */
  size: number | null;
}

export interface VmNic {
  interface: string | null;
  mac: string | null;
  nicTag: string | null;
  ips: string[];
  /** The legacy `netmask` beside `ip` (older VMs carry no prefix in `ips`). */
  netmask: string | null;
  gateways: string[];
  vlanId: number | null;
  model: string | null;
  primary: boolean;
}

export interface VmDisk {
  path: string | null;
  zfsFilesystem: string | null;
  /** MiB. */
  size: number | null;
  model: string | null;
  boot: boolean;
  imageUuid: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** KVM and bhyve guests: RAM is `ram`, they have disks and vCPUs. */
export function isHvmBrand(brand: string): boolean {
  return brand === 'kvm' || brand === 'bhyve';
}

/** Whether `vmadm create-snapshot` works for this brand (vmadm refuses KVM guests). */
export function brandHasSnapshots(brand: string): boolean {
  return brand !== 'kvm';
}

/** A property of the object as a number (RAM, quota…), or null. */
export function numberProp(vm: VmDetail, key: string): number | null {
  return num(vm[key]);
}

/** A property of the object as text, or null. */
export function stringProp(vm: VmDetail, key: string): string | null {
  return str(vm[key]);
}

/** The VM's memory in MiB: `ram` for HVM guests, `max_physical_memory` for zones. */
export function vmRamMiB(vm: VmDetail): number | null {
  return num(vm[isHvmBrand(vm.brand) ? 'ram' : 'max_physical_memory']);
}

/** The snapshots `vmadm get` lists, oldest first. */
export function vmSnapshots(vm: VmDetail): VmSnapshot[] {
  const list = records(vm['snapshots']).flatMap((s): VmSnapshot[] => {
    const name = str(s['name']);
    return name ? [{ name, createdAt: str(s['created_at']), size: num(s['size']) }] : [];
  });
  return list.sort((a, b) => timeOf(a.createdAt) - timeOf(b.createdAt));
}

function timeOf(iso: string | null): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** The snapshots a rollback to `name` destroys: the ones taken after it. */
export function snapshotsNewerThan(snapshots: readonly VmSnapshot[], name: string): VmSnapshot[] {
  const index = snapshots.findIndex((s) => s.name === name);
  return index < 0 ? [] : snapshots.slice(index + 1);
}

export function vmNics(vm: VmDetail): VmNic[] {
  return records(vm['nics']).map((n) => {
    const ips = strings(n['ips']);
    const ip = str(n['ip']);
    const gateways = strings(n['gateways']);
    const gateway = str(n['gateway']);
    return {
      interface: str(n['interface']),
      mac: str(n['mac']),
      nicTag: str(n['nic_tag']),
      ips: ips.length ? ips : ip ? [ip] : [],
      netmask: str(n['netmask']),
      gateways: gateways.length ? gateways : gateway ? [gateway] : [],
      vlanId: num(n['vlan_id']),
      model: str(n['model']),
      primary: n['primary'] === true,
    };
  });
}

export function vmDisks(vm: VmDetail): VmDisk[] {
  return records(vm['disks']).map((d) => ({
    path: str(d['path']),
    zfsFilesystem: str(d['zfs_filesystem']),
    size: num(d['size']),
    model: str(d['model']),
    boot: d['boot'] === true,
    imageUuid: str(d['image_uuid']),
  }));
}

/**
 * Every ZFS dataset `vmadm delete` destroys with the VM: its zone root, delegated datasets and
 * the zvols of its disks. In the host's order, each once.
 */
export function vmDatasets(vm: VmDetail): string[] {
  const all = [
    str(vm['zfs_filesystem']),
    ...strings(vm['datasets']),
    ...vmDisks(vm).map((d) => d.zfsFilesystem),
  ];
  return [...new Set(all.filter((d): d is string => d !== null))];
}

/** A string-keyed map property (tags, customer_metadata) as sorted [key, text] pairs. */
export function recordEntries(value: unknown): [string, string][] {
  if (!isRecord(value)) return [];
  return Object.entries(value)
    .map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])
    .sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The jobs of `after` that ended since `before` was seen: running then, or unseen then and
 * already over. The detail page reads the VM again when one of them did.
 */
export function jobsThatEnded(before: readonly Job[] | undefined, after: readonly Job[]): Job[] {
  if (!before) return [];
  const was = new Map(before.map((j) => [j.id, j.state]));
  return after.filter((j) => {
    if (j.state === 'running') return false;
    const prior = was.get(j.id);
    return prior === undefined || prior === 'running';
  });
}
