import { z } from 'zod';

/** A physical link: `dladm show-phys`. Only the columns asked for are present. */
export const PhysLink = z.object({
  link: z.string(),
  /** `Ethernet`, `Infiniband`, ... */
  media: z.string().optional(),
  /** `up`, `down`, `unknown`. */
  state: z.string().optional(),
  /** Mb/s; 0 when the link is down. */
  speedMbps: z.number().nullable().optional(),
  /** `full`, `half`, `unknown`. */
  duplex: z.string().optional(),
  device: z.string().optional(),
});
export type PhysLink = z.infer<typeof PhysLink>;

/** A VNIC: `dladm show-vnic`. MAC addresses are normalised to zero-padded lower case. */
export const Vnic = z.object({
  link: z.string(),
  over: z.string().optional(),
  speedMbps: z.number().nullable().optional(),
  macAddress: z.string().optional(),
  /** `fixed`, `random`, `factory`, `auto`, `vrrp`. */
  macAddressType: z.string().optional(),
  /** VLAN id, 0 for none. */
  vid: z.number().nullable().optional(),
  /** The zone the VNIC belongs to (a VM uuid on SmartOS); null in the global zone (`--`). */
  zone: z.string().nullable().optional(),
});
export type Vnic = z.infer<typeof Vnic>;

/** A datalink of any class: `dladm show-link`. */
export const DataLink = z.object({
  link: z.string(),
  /** `phys`, `vnic`, `aggr`, `etherstub`, `vlan`, `simnet`, `bridge`, `iptun`, `overlay`. */
  class: z.string().optional(),
  mtu: z.number().nullable().optional(),
  state: z.string().optional(),
  bridge: z.string().nullable().optional(),
  /** The links it runs over (several for an aggregation); empty for a physical link. */
  over: z.array(z.string()).optional(),
});
export type DataLink = z.infer<typeof DataLink>;

/** A NIC tag: `nictagadm list`. */
export const NicTag = z.object({
  name: z.string(),
  /** null for etherstubs and overlay rules (`-`). */
  mac: z.string().nullable(),
  link: z.string().nullable(),
  /** `normal`, `aggr`, `etherstub`, `overlay rule`. */
  type: z.string(),
});
export type NicTag = z.infer<typeof NicTag>;
