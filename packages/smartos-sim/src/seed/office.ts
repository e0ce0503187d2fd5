// The example office host of DESIGN.md, consistent with every fixture in test/fixtures:
// DHCP, samba, "OCS Inventory NG" and elk are the fixtures' `vmadm get` objects verbatim;
// powerdns and MySQL-PerconaDB have no get fixture and are built in DHCP's shape from what
// the other fixtures say of them (list columns, VNIC MAC and zoneid, zfs quota, snapshots).
import type { JsonObject, VmObject } from '../state/json.js';
import { setKey } from '../state/objectKeys.js';
import { dhcpVm, elkVm, ocsInventoryVm, officeSysinfo, sambaVm } from './officeData.js';
import type { SeedHost } from './profile.js';

interface OsZoneFacts {
  uuid: string;
  createTimestamp: string;
  memoryMiB: number;
  cpuCap: number;
  hostname: string;
  alias: string;
  mac: string;
  ip: string;
  zoneid: number;
  bootTimestamp: string;
  pid: number;
  quota: number;
  snapshots: JsonObject[];
}

/** An OS zone like DHCP (same image, network, limits) with its own facts. */
function osZoneLikeDhcp(f: OsZoneFacts): VmObject {
  const nic0 = (dhcpVm.nics as JsonObject[])[0];
  const nic: JsonObject = { ...nic0, mac: f.mac, ip: f.ip, ips: [`${f.ip}/24`] };
  let vm: VmObject = {
    ...dhcpVm,
    zonename: f.uuid,
    create_timestamp: f.createTimestamp,
    max_shm_memory: f.memoryMiB,
    max_physical_memory: f.memoryMiB,
    max_locked_memory: f.memoryMiB,
    max_swap: Math.max(f.memoryMiB, 256),
    tmpfs: Math.max(f.memoryMiB, 256),
    hostname: f.hostname,
    alias: f.alias,
    nics: [nic],
    uuid: f.uuid,
    zonepath: `/zones/${f.uuid}`,
    zoneid: f.zoneid,
    last_modified: f.bootTimestamp,
    boot_timestamp: f.bootTimestamp,
    pid: f.pid,
    customer_metadata: {},
    quota: f.quota,
    zfs_filesystem: `zones/${f.uuid}`,
    snapshots: f.snapshots,
  };
  vm = setKey(vm, 'cpu_cap', f.cpuCap, ['max_swap']);
  return vm;
}

// fixtures: vmadm-list-o-custom (ram 1024, quota 10, cpu_cap 100), dladm-show-vnic (z4_0),
// zfs-list-t-snapshot-Hp(-creation) (vmsnap-before-upgrade, vmsnap-nightly), zlogin-cmd-uname.
// Snapshot entries as vmload builds them: {name, size (MiB), created_at}, newest first.
const powerdnsVm = osZoneLikeDhcp({
  uuid: '024ab643-ed65-48ab-95f8-5e5976539bfa',
  createTimestamp: '2019-03-02T12:40:18.095Z',
  memoryMiB: 1024,
  cpuCap: 100,
  hostname: 'powerdns',
  alias: 'powerdns',
  mac: 'b6:0e:97:5a:22:cd',
  ip: '192.168.1.7',
  zoneid: 4,
  bootTimestamp: '2024-02-10T08:01:18.000Z',
  pid: 5021,
  quota: 10,
  snapshots: [
    { name: 'nightly', size: 417792 / 1024 / 1024, created_at: '2024-02-11T08:00:00.000Z' },
    { name: 'before-upgrade', size: 1327104 / 1024 / 1024, created_at: '2024-02-10T08:00:00.000Z' },
  ],
});

// fixtures: vmadm-list-o-custom (ram 1024, quota 40, cpu_cap 200), dladm-show-vnic (z5_0),
// vmadm-events (a stop of this VM), zfs-list (36.6G available under a 40G quota).
const mysqlVm = osZoneLikeDhcp({
  uuid: '3d6d023b-50f0-42e1-9a84-e1c558c16224',
  createTimestamp: '2019-04-11T09:12:40.377Z',
  memoryMiB: 1024,
  cpuCap: 200,
  hostname: 'mysql-perconadb',
  alias: 'MySQL-PerconaDB',
  mac: '8e:31:c4:7d:05:f2',
  ip: '192.168.1.8',
  zoneid: 5,
  bootTimestamp: '2024-02-10T08:01:21.000Z',
  pid: 5377,
  quota: 40,
  snapshots: [],
});

export function officeSeed(): SeedHost {
  const vms = [dhcpVm, sambaVm, powerdnsVm, mysqlVm, ocsInventoryVm, elkVm];
  return {
    sysinfo: structuredClone(officeSysinfo),
    vms: vms.map((vm) => structuredClone(vm)),
    counters: { nextZoneid: 8, nextPid: 6211 },
  };
}
