// The host's links for people: physical NICs joined with sysinfo and NIC tags, VNICs per VM,
// link speeds. Pure: tested in network.test.ts.
import type { HostNic, NicTag, PhysLink, VmSummary, Vnic } from '@zonedeck/api/schemas';

export interface PhysRow {
  link: string;
  state: string;
  speedMbps: number | null;
  duplex: string | null;
  media: string | null;
  mac: string | null;
  ip4addr: string | null;
  nicTags: string[];
}

/**
 * `dladm show-phys` rows with what sysinfo and `nictagadm list` add: the MAC, the IPv4 address
 * and the NIC tags on each link. A link only sysinfo knows is still listed.
 */
export function physRows(
  links: readonly PhysLink[],
  nics: readonly HostNic[],
  tags: readonly NicTag[],
): PhysRow[] {
  const byName = new Map(nics.map((n) => [n.name, n]));
  const names = [
    ...links.map((l) => l.link),
    ...nics.map((n) => n.name).filter((n) => !links.some((l) => l.link === n)),
  ];
  return names.map((name) => {
    const link = links.find((l) => l.link === name);
    const nic = byName.get(name);
    const tagged = tags.filter((t) => t.link === name).map((t) => t.name);
    const nicTags = [...new Set([...(nic?.nicTags ?? []), ...tagged])].sort();
    const tagMac = tags.find((t) => t.link === name && t.mac)?.mac ?? null;
    return {
      link: name,
      state: link?.state ?? (nic ? (nic.linkUp ? 'up' : 'down') : 'unknown'),
      speedMbps: link?.speedMbps ?? null,
      duplex: link?.duplex ?? null,
      media: link?.media ?? null,
      mac: nic?.mac || tagMac,
      ip4addr: nic?.ip4addr || null,
      nicTags,
    };
  });
}

/** 1000 → "1 Gb/s", 100 → "100 Mb/s", 0 or unknown → "—" (dladm reports 0 for a link that is down). */
export function formatSpeed(mbps: number | null | undefined): string {
  if (!mbps) return '—';
  if (mbps >= 1000) return `${(mbps / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} Gb/s`;
  return `${mbps} Mb/s`;
}

export interface VmVnics {
  /** The zone (a VM uuid), or null for the global zone. */
  zone: string | null;
  name: string;
  vnics: Vnic[];
}

/** VNICs grouped by the VM that owns them, by VM name; the global zone's last. */
export function vnicsByVm(vnics: readonly Vnic[], vms: readonly VmSummary[]): VmVnics[] {
  const names = new Map(vms.map((vm) => [vm.uuid, vm.alias ?? vm.uuid]));
  const groups = new Map<string | null, Vnic[]>();
  for (const v of vnics) {
    const zone = v.zone ?? null;
    groups.set(zone, [...(groups.get(zone) ?? []), v]);
  }
  return [...groups.entries()]
    .map(([zone, list]) => ({
      zone,
      name: zone === null ? 'global zone' : (names.get(zone) ?? zone),
      vnics: list.sort((a, b) => a.link.localeCompare(b.link, 'en', { numeric: true })),
    }))
    .sort((a, b) => (a.zone === null ? 1 : b.zone === null ? -1 : a.name.localeCompare(b.name)));
}
