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

/** One row of the VM list, read with `vmadm list -p -o ...`. */
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
  imageUuid: z.string().nullable(),
});
export type VmSummary = z.infer<typeof VmSummary>;
