// The limits of the contract's VmSpec (packages/smartos/src/model/vmSpec.ts, re-exported by
// @zonedeck/api/schemas), for checking forms before anything is sent. A copy, because the web
// build cannot import the contract's schemas as values: Turbopack does not resolve their `./x.js`
// specifiers to the `.ts` sources. vmSpecRules.test.ts holds the copy to the original: the
// same inputs must pass or fail with the same paths and messages.
import { z } from 'zod';

const ipv4 = z.ipv4({ message: 'not an IPv4 address' });
const uuid = z.string().regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/, 'not a uuid');

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

const VmBrand = z.enum(['joyent', 'joyent-minimal', 'builder', 'lx', 'kvm', 'bhyve']);

const NicSpec = z
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

const DiskSpec = z.object({
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

const HVM = new Set<string>(['kvm', 'bhyve']);

export const VmSpecRules = z
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
    image_uuid: uuid.optional(),
    ram: z
      .number()
      .int()
      .min(64, 'at least 64 MiB')
      .max(1024 * 1024, 'at most 1 TiB'),
    vcpus: z.number().int().min(1).max(64).optional(),
    cpu_cap: z.number().int().min(0).max(6400).optional(),
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
