import { isJsonObject, jsString, type JsonObject, type VmObject } from '../state/json.js';

/** The physical link carrying each NIC tag, from sysinfo's "Network Interfaces" NIC Names. */
function linksByTag(sysinfo: JsonObject): Map<string, string> {
  const map = new Map<string, string>();
  const ifaces = sysinfo['Network Interfaces'];
  if (!isJsonObject(ifaces)) return map;
  for (const [link, info] of Object.entries(ifaces)) {
    const names = isJsonObject(info) ? info['NIC Names'] : undefined;
    if (Array.isArray(names))
      for (const tag of names) if (typeof tag === 'string' && !map.has(tag)) map.set(tag, link);
  }
  return map;
}

/**
 * The VNICs of running zones, as sysinfo's "Virtual Network Interfaces" lists them:
 * `z<zoneid>_<nic index>` over the link of the NIC's tag, in zoneid order.
 */
export function runningVnics(sysinfo: JsonObject, vms: readonly VmObject[]): JsonObject {
  const links = linksByTag(sysinfo);
  const running = vms
    .filter((vm) => typeof vm.zoneid === 'number')
    .sort((a, b) => (a.zoneid as number) - (b.zoneid as number));
  const out: JsonObject = {};
  for (const vm of running) {
    const nics = Array.isArray(vm.nics) ? vm.nics : [];
    nics.forEach((nic, index) => {
      if (!isJsonObject(nic)) return;
      const tag = typeof nic.nic_tag === 'string' ? nic.nic_tag : '';
      const entry: JsonObject = {
        'MAC Address': typeof nic.mac === 'string' ? nic.mac : '',
        ip4addr: '',
        'Link Status': 'up',
        'Host Interface': links.get(tag) ?? tag,
      };
      if (typeof nic.vlan_id === 'number' && nic.vlan_id !== 0) entry.VLAN = String(nic.vlan_id);
      out[`z${jsString(vm.zoneid)}_${index}`] = entry;
    });
  }
  return out;
}
