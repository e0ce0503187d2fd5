import { z } from 'zod';

// A package import, not './vm.js': the web bundler (Turbopack) reads this file from source and
// does not map .js specifiers to .ts files.
import { VmBrand } from '@zonedeck/smartos/model/vm';

/**
 * What the console asks of a new VM: a checked, brand-aware subset of vmadm's create payload.
 * Each message names its field, so forms can show it there. `vmSpecToPayload` turns it into the
 * JSON vmadm reads; the host's own `vmadm validate create` still has the last word.
 */
const ipv4 = z.ipv4({ message: 'not an IPv4 address' });
const uuid = z.string().regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/, 'not a uuid');

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

export const NicSpec = z
  .object({
    nic_tag: z
      .string()
      .min(1, 'choose a nic tag')
      .max(31)
      .regex(/^[A-Za-z0-9_]+$/, 'letters, digits and _ only'),
    ip: z.union([z.literal('dhcp'), ipv4]),
    netmask: ipv4.optional(),
    gateway: ipv4.optional(),
    vlan_id: z.number().int().min(0).max(4095).optional(),
    primary: z.boolean().optional(),
    model: z.enum(['virtio', 'e1000', 'rtl8139']).optional(),
  })
  .superRefine((nic, ctx) => {
    if (nic.ip === 'dhcp') return;
    if (!nic.netmask) {
      ctx.addIssue({ code: 'custom', path: ['netmask'], message: 'a static IP needs a netmask' });
      return;
    }
    const mask = ipToInt(nic.netmask);
    const bits = mask.toString(2).padStart(32, '0');
    if (!/^1*0*$/.test(bits) || mask === 0) {
      ctx.addIssue({ code: 'custom', path: ['netmask'], message: 'not a netmask' });
      return;
    }
    if (nic.gateway && (ipToInt(nic.gateway) & mask) >>> 0 !== (ipToInt(nic.ip) & mask) >>> 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['gateway'],
        message: 'the gateway is outside the netmask of the IP',
      });
    }
  });
export type NicSpec = z.infer<typeof NicSpec>;

export const DiskSpec = z.object({
  /** Size in MiB (data disks); a boot disk from an image takes the image's size. */
  size: z
    .number()
    .int()
    .min(1)
    .max(16 * 1024 * 1024)
    .optional(),
  image_uuid: uuid.optional(),
  boot: z.boolean().optional(),
  model: z.enum(['virtio', 'ide', 'scsi']).optional(),
});
export type DiskSpec = z.infer<typeof DiskSpec>;

const HVM = new Set<VmBrand>(['kvm', 'bhyve']);

export const VmSpec = z
  .object({
    brand: VmBrand,
    alias: z
      .string()
      .min(1, 'give the VM an alias')
      .max(64, 'at most 64 characters')
      .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c === '\u007f'), 'no control characters'),
    hostname: z
      .string()
      .max(63, 'at most 63 characters')
      .regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/, 'letters, digits and inner dashes only')
      .optional(),
    /** The zone's dataset image (OS/LX); for HVM guests use a boot disk with image_uuid. */
    image_uuid: uuid.optional(),
    /** MiB of memory: `ram` for HVM guests, `max_physical_memory` for zones. */
    ram: z
      .number()
      .int()
      .min(64, 'at least 64 MiB')
      .max(1024 * 1024, 'at most 1 TiB'),
    vcpus: z.number().int().min(1).max(64).optional(),
    /** Percent of one CPU; 0 or absent for no cap. */
    cpu_cap: z.number().int().min(0).max(6400).optional(),
    /** GiB of disk for the zone's root dataset. */
    quota: z.number().int().min(1, 'at least 1 GiB').max(100_000).optional(),
    disks: z.array(DiskSpec).max(8).optional(),
    nics: z.array(NicSpec).max(8).default([]),
    resolvers: z.array(ipv4).max(6).optional(),
    customer_metadata: z.record(z.string().max(128), z.string().max(64 * 1024)).optional(),
    autoboot: z.boolean().optional(),
  })
  .superRefine((spec, ctx) => {
    const hvm = HVM.has(spec.brand);
    if (!hvm && !spec.image_uuid) {
      ctx.addIssue({ code: 'custom', path: ['image_uuid'], message: 'choose an image' });
    }
    if (hvm && spec.image_uuid) {
      ctx.addIssue({
        code: 'custom',
        path: ['image_uuid'],
        message: 'HVM guests boot from a disk: set the image on disk 0',
      });
    }
    if (hvm && !(spec.disks ?? []).some((d) => d.image_uuid)) {
      ctx.addIssue({ code: 'custom', path: ['disks'], message: 'choose an image for the boot disk' });
    }
    if (!hvm && spec.disks?.length) {
      ctx.addIssue({ code: 'custom', path: ['disks'], message: 'only kvm and bhyve guests have disks' });
    }
    if (!hvm && spec.vcpus !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['vcpus'], message: 'only kvm and bhyve guests have vCPUs' });
    }
  });
export type VmSpec = z.infer<typeof VmSpec>;

/**
 * A checked NIC's addresses as vmadm takes them: `ips` in CIDR form (or `["dhcp"]`) and
 * `gateways` (empty for none, which `update_nics` needs to clear a gateway).
 */
export function nicAddressPayload(nic: Pick<NicSpec, 'ip' | 'netmask' | 'gateway'>): {
  ips: string[];
  gateways: string[];
} {
  if (nic.ip === 'dhcp') return { ips: ['dhcp'], gateways: [] };
  const prefix = (nic.netmask ?? '')
    .split('.')
    .reduce((n, o) => n + Number(o).toString(2).replace(/0/g, '').length, 0);
  return { ips: [`${nic.ip}/${prefix}`], gateways: nic.gateway ? [nic.gateway] : [] };
}

/** The vmadm create payload for a checked spec. */
export function vmSpecToPayload(spec: VmSpec): Record<string, unknown> {
  const hvm = HVM.has(spec.brand);
  const payload: Record<string, unknown> = { brand: spec.brand, alias: spec.alias };
  if (spec.hostname) payload.hostname = spec.hostname;
  if (spec.autoboot !== undefined) payload.autoboot = spec.autoboot;
  if (hvm) {
    payload.ram = spec.ram;
    payload.vcpus = spec.vcpus ?? 1;
    payload.disks = (spec.disks ?? []).map((d, i) => ({
      ...(d.image_uuid ? { image_uuid: d.image_uuid } : {}),
      ...(d.size !== undefined ? { size: d.size } : {}),
      boot: d.boot ?? i === 0,
      model: d.model ?? 'virtio',
    }));
  } else {
    payload.image_uuid = spec.image_uuid;
    payload.max_physical_memory = spec.ram;
    if (spec.quota !== undefined) payload.quota = spec.quota;
  }
  if (spec.cpu_cap) payload.cpu_cap = spec.cpu_cap;
  payload.nics = spec.nics.map((nic, i) => {
    const { ips, gateways } = nicAddressPayload(nic);
    const out: Record<string, unknown> = {
      nic_tag: nic.nic_tag,
      ips,
      ...(gateways.length ? { gateways } : {}),
    };
    if (nic.vlan_id !== undefined) out.vlan_id = nic.vlan_id;
    if (hvm) out.model = nic.model ?? 'virtio';
    out.primary = nic.primary ?? i === 0;
    return out;
  });
  if (spec.resolvers?.length) payload.resolvers = spec.resolvers;
  if (spec.customer_metadata && Object.keys(spec.customer_metadata).length) {
    payload.customer_metadata = spec.customer_metadata;
  }
  return payload;
}
