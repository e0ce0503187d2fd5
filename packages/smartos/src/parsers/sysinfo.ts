/**
 * Parser for `sysinfo` (a JSON object printed by a shell script). Keys vary by platform
 * release and hardware, so every key is optional here; what is missing comes back as
 * '' or 0 in the HostSummary rather than failing the whole host.
 */
import { z } from 'zod';

import type { HostNic, HostSummary } from '../model/host.js';
import { checked, parseError, parseJson } from './parserSupport.js';

const stringish = z.union([z.string(), z.number(), z.boolean()]).optional().catch(undefined);

const SysinfoNic = z.looseObject({
  'MAC Address': stringish,
  ip4addr: stringish,
  'Link Status': stringish,
  'NIC Names': z
    .union([z.array(z.string()), z.string()])
    .optional()
    .catch(undefined),
});

/** The raw sysinfo object: the keys the driver reads, typed; all others kept as they are. */
export const Sysinfo = z.looseObject({
  UUID: stringish,
  Hostname: stringish,
  'Live Image': stringish,
  'Boot Time': stringish,
  Manufacturer: stringish,
  Product: stringish,
  'CPU Type': stringish,
  'CPU Count': stringish,
  'CPU Total Cores': stringish,
  'CPU Online Count': stringish,
  'CPU Core Count': stringish,
  'CPU Socket Count': stringish,
  'CPU Physical Cores': stringish,
  'MiB of Memory': stringish,
  'Admin NIC Tag': stringish,
  'Admin IP': stringish,
  Zpool: stringish,
  'Network Interfaces': z.record(z.string(), SysinfoNic).optional().catch(undefined),
});
export type Sysinfo = z.infer<typeof Sysinfo>;

/** Parses `sysinfo` output into its raw object. */
export function parseSysinfoJson(stdout: string): Sysinfo {
  const raw = parseJson(stdout, 'sysinfo');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw parseError('sysinfo: output is not a JSON object');
  }
  return checked(Sysinfo, raw, 'sysinfo');
}

/** Parses `sysinfo` output into the HostSummary the console shows. */
export function parseSysinfo(stdout: string): HostSummary {
  return sysinfoToHostSummary(parseSysinfoJson(stdout));
}

export function sysinfoToHostSummary(info: Sysinfo): HostSummary {
  const uuid = text(info.UUID);
  const hostname = text(info.Hostname);
  if (uuid === '' && hostname === '') throw parseError('sysinfo: neither "UUID" nor "Hostname" is present');

  const nics = Object.entries(info['Network Interfaces'] ?? {}).map(([name, nic]): HostNic => ({
    name,
    mac: text(nic['MAC Address']),
    ip4addr: text(nic.ip4addr),
    linkUp: text(nic['Link Status']).toLowerCase() === 'up',
    nicTags: nicNames(nic['NIC Names']),
  }));
  const adminTag = text(info['Admin NIC Tag']) || 'admin';
  const adminIp = text(info['Admin IP']) || (nics.find((n) => n.nicTags.includes(adminTag))?.ip4addr ?? '');

  return {
    uuid,
    hostname,
    liveImage: text(info['Live Image']),
    manufacturer: text(info.Manufacturer),
    product: text(info.Product),
    cpuType: text(info['CPU Type']),
    cpuCount: int(info['CPU Count']) ?? int(info['CPU Total Cores']) ?? int(info['CPU Online Count']) ?? 0,
    cpuCores: int(info['CPU Core Count']) ?? int(info['CPU Total Cores']) ?? 0,
    cpuSockets: int(info['CPU Socket Count']) ?? int(info['CPU Physical Cores']) ?? 0,
    memoryMiB: int(info['MiB of Memory']) ?? 0,
    bootTime: epochSecondsToIso(info['Boot Time']),
    adminIp,
    zpool: text(info.Zpool),
    nics,
  };
}

type Scalar = string | number | boolean | undefined;

function text(value: Scalar): string {
  return value === undefined ? '' : String(value).trim();
}

function int(value: Scalar): number | undefined {
  const s = text(value);
  if (!/^-?\d+(?:\.\d+)?$/.test(s)) return undefined;
  return Math.trunc(Number(s));
}

/** "1707552050" → "2024-02-10T08:00:50.000Z"; '' when missing or not a number. */
export function epochSecondsToIso(value: Scalar): string {
  const seconds = int(value);
  if (seconds === undefined) return '';
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

function nicNames(value: string[] | string | undefined): string[] {
  const names = Array.isArray(value) ? value : (value ?? '').split(',');
  return names.map((n) => n.trim()).filter((n) => n !== '');
}
