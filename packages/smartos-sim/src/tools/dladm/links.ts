// The datalinks of the simulated host: physical NICs from sysinfo's "Network Interfaces",
// and one VNIC per NIC of each running zone, named z<zoneid>_<index> as vmadm names them
// (as src/tools/vnics.ts does for sysinfo), over the link carrying the NIC's tag.
import { isJsonObject, jsString, type JsonObject, type VmObject } from '../../state/json.js';

export interface PhysLinkInfo {
  link: string;
  mac: string;
  up: boolean;
  tags: string[];
}

export interface VnicInfo {
  link: string;
  over: string;
  mac: string;
  vid: number;
  zone: string;
  mtu: number;
}

export function physLinks(sysinfo: JsonObject): PhysLinkInfo[] {
  const ifaces = sysinfo['Network Interfaces'];
  if (!isJsonObject(ifaces)) return [];
  return Object.entries(ifaces).map(([link, info]) => {
    const o = isJsonObject(info) ? info : {};
    const names = Array.isArray(o['NIC Names']) ? o['NIC Names'] : [];
    return {
      link,
      mac: typeof o['MAC Address'] === 'string' ? o['MAC Address'] : '',
      up: o['Link Status'] === 'up',
      tags: names.filter((n): n is string => typeof n === 'string'),
    };
  });
}

export function vnics(sysinfo: JsonObject, vms: readonly VmObject[]): VnicInfo[] {
  const byTag = new Map<string, string>();
  for (const p of physLinks(sysinfo)) for (const tag of p.tags) if (!byTag.has(tag)) byTag.set(tag, p.link);
  const running = vms
    .filter((vm) => typeof vm.zoneid === 'number')
    .sort((a, b) => (a.zoneid as number) - (b.zoneid as number));
  const out: VnicInfo[] = [];
  for (const vm of running) {
    const nics = Array.isArray(vm.nics) ? vm.nics : [];
    nics.forEach((nic, index) => {
      if (!isJsonObject(nic)) return;
      const tag = typeof nic.nic_tag === 'string' ? nic.nic_tag : '';
      out.push({
        link: `z${jsString(vm.zoneid)}_${index}`,
        over: byTag.get(tag) ?? tag,
        mac: typeof nic.mac === 'string' ? nic.mac : '',
        vid: typeof nic.vlan_id === 'number' ? nic.vlan_id : 0,
        zone: typeof vm.zonename === 'string' ? vm.zonename : jsString(vm.uuid),
        mtu: typeof nic.mtu === 'number' ? nic.mtu : 1500,
      });
    });
  }
  return out;
}

/** illumos prints MAC octets with %x: no leading zeros (`92:4b:1e:c:7f:21`). */
export function dladmMac(mac: string): string {
  return mac
    .split(':')
    .map((o) => o.toLowerCase().replace(/^0(?=[0-9a-f])/, ''))
    .join(':');
}
