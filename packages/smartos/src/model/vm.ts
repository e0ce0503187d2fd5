import { z } from 'zod';

export const VmBrand = z.enum(['joyent', 'joyent-minimal', 'builder', 'lx', 'kvm', 'bhyve']);
export type VmBrand = z.infer<typeof VmBrand>;

/** VM states as vmadm(8) lists them under VM STATES. */
export const VmState = z.enum([
  'configured',
  'incomplete',
  'installed',
  'provisioning',
  'ready',
  'receiving',
  'running',
  'shutting_down',
  'down',
  'stopping',
  'stopped',
  'failed',
]);
export type VmState = z.infer<typeof VmState>;

/** One row of the VM list, read with `vmadm lookup -j -o ...` (and from `vmadm events` objects). */
export const VmSummary = z.object({
  /** 8-4-4-4-12 hex: vmadm accepts any such uuid at create, not only RFC 9562 ones. */
  uuid: z.guid(),
  alias: z.string().nullable(),
  brand: VmBrand,
  state: VmState,
  /** MiB: `ram` for HVM guests, `max_physical_memory` for zones (vmadm's own "ram" column). */
  ramMiB: z.number().int().nonnegative(),
  /** Percent of one CPU; null when uncapped. */
  cpuCap: z.number().int().nullable(),
  /** GiB; null when unset. */
  quotaGiB: z.number().int().nullable(),
  /** The zone's image_uuid, or for kvm/bhyve the image of its first disk made from one. */
  imageUuid: z.string().nullable(),
  /** Every NIC's addresses without the prefix length, in NIC order ("dhcp" for a DHCP NIC). */
  ips: z.array(z.string()),
  /** create_timestamp (ISO 8601 with ms and Z); null when the host does not say. */
  createdAt: z.string().nullable(),
});
export type VmSummary = z.infer<typeof VmSummary>;
