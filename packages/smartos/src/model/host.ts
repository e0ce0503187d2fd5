import { z } from 'zod';

/** A physical NIC as sysinfo reports it under "Network Interfaces". */
export const HostNic = z.object({
  name: z.string(),
  mac: z.string(),
  ip4addr: z.string(),
  linkUp: z.boolean(),
  nicTags: z.array(z.string()),
});
export type HostNic = z.infer<typeof HostNic>;

/** What the console shows about a host, read from `sysinfo`. */
export const HostSummary = z.object({
  uuid: z.string(),
  hostname: z.string(),
  /** The platform (live image) build stamp, e.g. 20240208T000334Z. */
  liveImage: z.string(),
  manufacturer: z.string(),
  product: z.string(),
  cpuType: z.string(),
  cpuCount: z.number().int(),
  cpuCores: z.number().int(),
  cpuSockets: z.number().int(),
  memoryMiB: z.number().int(),
  /** Boot time as an ISO-8601 string (sysinfo prints seconds since the epoch). */
  bootTime: z.string(),
  adminIp: z.string(),
  zpool: z.string(),
  nics: z.array(HostNic),
});
export type HostSummary = z.infer<typeof HostSummary>;
