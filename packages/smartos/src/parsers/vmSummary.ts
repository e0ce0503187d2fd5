/**
 * VM objects (`vmadm lookup -j -o <LIST_VMS_FIELDS>`, `vmadm get`, the `vm` of a `vmadm events`
 * line) → the VmSummary model. One mapping for the list and the live events, so a VM reads the
 * same however it arrived.
 */
import { VmBrand, VmState, type VmSummary } from '../model/vm.js';
import { parseError } from './parserSupport.js';

/**
 * The VM properties listVms asks `vmadm lookup -j -o` for. `ram` is vmadm's fake field (the
 * own `ram` of kvm/bhyve, max_physical_memory for zones); max_physical_memory is asked too so
 * a zone's RAM reads right where a platform leaves the fake field out. `disks` carries the
 * image of kvm/bhyve guests, `nics` the addresses.
 */
export const LIST_VMS_FIELDS = [
  'uuid',
  'alias',
  'brand',
  'state',
  'ram',
  'max_physical_memory',
  'cpu_cap',
  'quota',
  'image_uuid',
  'create_timestamp',
  'nics',
  'disks',
] as const;

const HVM = new Set(['kvm', 'bhyve']);

/**
 * One VM object → VmSummary. As in `vmadm list`, 0, false and '' are missing: an uncapped CPU
 * (cpu_cap 0 or unset) and an unlimited quota (0 or unset) both read as null.
 */
export function vmObjectToSummary(vm: Readonly<Record<string, unknown>>): VmSummary {
  const uuid = text(vm.uuid);
  if (!uuid) throw objectError('a VM without a uuid', vm);
  const brand = VmBrand.safeParse(vm.brand);
  if (!brand.success) throw objectError(`unknown brand ${JSON.stringify(vm.brand)}`, vm);
  const state = VmState.safeParse(vm.state);
  if (!state.success) throw objectError(`unknown state ${JSON.stringify(vm.state)}`, vm);
  const hvm = HVM.has(brand.data);
  const ram = hvm ? vm.ram : (vm.max_physical_memory ?? vm.ram);
  return {
    uuid,
    alias: text(vm.alias),
    brand: brand.data,
    state: state.data,
    ramMiB: count(ram, 'ram', vm) ?? 0,
    cpuCap: zeroIsNull(count(vm.cpu_cap, 'cpu_cap', vm)),
    quotaGiB: zeroIsNull(count(vm.quota, 'quota', vm)),
    imageUuid: text(vm.image_uuid) ?? diskImage(vm.disks),
    ips: addresses(vm.nics),
    createdAt: text(vm.create_timestamp),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function count(value: unknown, field: string, vm: Readonly<Record<string, unknown>>): number | null {
  if (value === undefined || value === null || value === false || value === '') return null;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    throw objectError(`${field} is not a whole number: ${JSON.stringify(value)}`, vm);
  return n;
}

function zeroIsNull(n: number | null): number | null {
  return n === 0 ? null : n;
}

function records(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
}

/** The image of the first disk made from one (kvm/bhyve keep image_uuid on the disk). */
function diskImage(disks: unknown): string | null {
  for (const disk of records(disks)) {
    const image = text(disk.image_uuid);
    if (image) return image;
  }
  return null;
}

/** Each NIC's `ips` ("10.0.0.5/24", "dhcp", "addrconf") without the prefix, else its `ip`. */
function addresses(nics: unknown): string[] {
  return records(nics).flatMap((nic) => {
    const ips = Array.isArray(nic.ips) ? nic.ips.filter((ip): ip is string => typeof ip === 'string') : [];
    if (ips.length > 0) return ips.map((ip) => ip.replace(/\/\d+$/, ''));
    const ip = text(nic.ip);
    return ip ? [ip] : [];
  });
}

function objectError(what: string, vm: Readonly<Record<string, unknown>>) {
  return parseError(`vmadm lookup: ${what} (uuid ${text(vm.uuid) ?? '?'})`);
}

/** vmadm's `-s alias` order: by code unit (upper-case first), VMs without an alias last. */
export function byAlias(a: VmSummary, b: VmSummary): number {
  if (a.alias === b.alias) return 0;
  if (a.alias === null) return 1;
  if (b.alias === null) return -1;
  return a.alias < b.alias ? -1 : 1;
}
