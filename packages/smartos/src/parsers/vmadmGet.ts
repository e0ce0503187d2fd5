/**
 * Parser for `vmadm get <uuid>` (one VM object, 2-space JSON). The schema types the
 * commonly used properties and keeps every other property as is: vmadm adds properties
 * over platform releases and per brand.
 */
import { z } from 'zod';

import { checked, parseJson } from './parserSupport.js';

const metadata = z.record(z.string(), z.unknown());

/**
 * An optional property whose value, if it has an unexpected type, is dropped rather than
 * failing the whole VM: only uuid, brand and state are required to be right.
 */
function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

export const VmadmNic = z.looseObject({
  interface: lenient(z.string()),
  mac: lenient(z.string()),
  nic_tag: lenient(z.string()),
  vlan_id: lenient(z.number()),
  ip: lenient(z.string()),
  ips: lenient(z.array(z.string())),
  netmask: lenient(z.string()),
  gateway: lenient(z.string()),
  gateways: lenient(z.array(z.string())),
  model: lenient(z.string()),
  mtu: lenient(z.number()),
  primary: lenient(z.boolean()),
});
export type VmadmNic = z.infer<typeof VmadmNic>;

export const VmadmDisk = z.looseObject({
  path: lenient(z.string()),
  boot: lenient(z.boolean()),
  model: lenient(z.string()),
  media: lenient(z.string()),
  /** MiB */
  size: lenient(z.number()),
  image_uuid: lenient(z.string()),
  image_size: lenient(z.number()),
  zfs_filesystem: lenient(z.string()),
  zpool: lenient(z.string()),
  compression: lenient(z.string()),
  refreservation: lenient(z.number()),
  block_size: lenient(z.number()),
  pci_slot: lenient(z.string()),
  uuid: lenient(z.string()),
});
export type VmadmDisk = z.infer<typeof VmadmDisk>;

export const VmadmSnapshot = z.looseObject({
  name: z.string(),
  create_timestamp: lenient(z.string()),
});
export type VmadmSnapshot = z.infer<typeof VmadmSnapshot>;

/** A VM object as vmadm prints it. Sizes: ram/max_* in MiB, quota in GiB. */
export const VmadmVm = z.looseObject({
  uuid: z.string(),
  brand: z.string(),
  state: z.string(),
  zonename: lenient(z.string()),
  zone_state: lenient(z.string()),
  zonepath: lenient(z.string()),
  zoneid: lenient(z.number()),
  pid: lenient(z.number()),
  alias: lenient(z.string()),
  hostname: lenient(z.string()),
  dns_domain: lenient(z.string()),
  autoboot: lenient(z.boolean()),
  image_uuid: lenient(z.string()),
  ram: lenient(z.number()),
  vcpus: lenient(z.number()),
  max_physical_memory: lenient(z.number()),
  max_locked_memory: lenient(z.number()),
  max_swap: lenient(z.number()),
  max_lwps: lenient(z.number()),
  cpu_cap: lenient(z.number()),
  cpu_shares: lenient(z.number()),
  quota: lenient(z.number()),
  tmpfs: lenient(z.number()),
  zfs_io_priority: lenient(z.number()),
  zfs_filesystem: lenient(z.string()),
  zpool: lenient(z.string()),
  vnc_port: lenient(z.number()),
  bootrom: lenient(z.string()),
  create_timestamp: lenient(z.string()),
  boot_timestamp: lenient(z.string()),
  last_modified: lenient(z.string()),
  exit_status: lenient(z.number()),
  exit_timestamp: lenient(z.string()),
  owner_uuid: lenient(z.string()),
  billing_id: lenient(z.string()),
  server_uuid: lenient(z.string()),
  platform_buildstamp: lenient(z.string()),
  firewall_enabled: lenient(z.boolean()),
  resolvers: lenient(z.array(z.string())),
  nics: lenient(z.array(VmadmNic)),
  disks: lenient(z.array(VmadmDisk)),
  snapshots: lenient(z.array(VmadmSnapshot)),
  customer_metadata: lenient(metadata),
  internal_metadata: lenient(metadata),
  tags: lenient(metadata),
  routes: lenient(metadata),
});
export type VmadmVm = z.infer<typeof VmadmVm>;

/** Parses `vmadm get <uuid>`. */
export function parseVmadmGet(stdout: string): VmadmVm {
  return checked(VmadmVm, parseJson(stdout, 'vmadm get'), 'vmadm get');
}
