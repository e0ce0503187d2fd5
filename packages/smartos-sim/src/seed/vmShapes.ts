// Builders for `vmadm get` objects of each brand, in the key order vmload emits
// (REFERENCE.md 1.4). Used by the generated profiles; the office profile uses the fixtures.
import type { JsonObject, VmObject } from '../state/json.js';

export type Brand = 'joyent' | 'joyent-minimal' | 'lx' | 'kvm' | 'bhyve';
export type SeedState = 'running' | 'stopped' | 'failed' | 'provisioning';

export interface NicSpec {
  mac: string;
  ip: string;
  netmask: string;
  gateway: string;
  prefix: number;
  nicTag: string;
  vlanId?: number;
}

export interface DiskSpec {
  sizeMiB: number;
  imageUuid?: string;
  imageSizeMiB?: number;
  /** bhyve disks carry their own uuid */
  uuid?: string;
}

export interface VmSpec {
  uuid: string;
  brand: Brand;
  alias?: string;
  hostname: string;
  ramMiB: number;
  quotaGiB: number;
  cpuCap?: number;
  vcpus: number;
  imageUuid: string;
  createTimestamp: string;
  lastModified: string;
  state: SeedState;
  /** present while the zone runs (running, provisioning) */
  zoneid?: number;
  pid?: number;
  bootTimestamp?: string;
  exitTimestamp?: string;
  nics: NicSpec[];
  disks: DiskSpec[];
  resolvers: string[];
  serverUuid: string;
  platformBuildstamp: string;
  tags: JsonObject;
  customerMetadata: JsonObject;
  kernelVersion?: string;
  vncPort?: number;
}

const HVM_LIMIT_PRIV = 'default,-file_link_any,-net_access,-proc_fork,-proc_info,-proc_session';

export function isHvmBrand(brand: string): boolean {
  return brand === 'kvm' || brand === 'bhyve';
}

function nicObject(spec: VmSpec, nic: NicSpec, index: number): JsonObject {
  const out: JsonObject = { interface: `net${index}`, mac: nic.mac };
  if (nic.vlanId !== undefined) out.vlan_id = nic.vlanId;
  out.nic_tag = nic.nicTag;
  out.gateway = nic.gateway;
  out.gateways = [nic.gateway];
  out.netmask = nic.netmask;
  out.ip = nic.ip;
  out.ips = [`${nic.ip}/${nic.prefix}`];
  if (isHvmBrand(spec.brand)) out.model = 'virtio';
  if (index === 0) out.primary = true;
  return out;
}

function diskObject(spec: VmSpec, disk: DiskSpec, index: number): JsonObject {
  const bhyve = spec.brand === 'bhyve';
  const dataset = bhyve ? `zones/${spec.uuid}/disk${index}` : `zones/${spec.uuid}-disk${index}`;
  const out: JsonObject = {
    path: `/dev/zvol/rdsk/${dataset}`,
    boot: index === 0,
    model: 'virtio',
    media: 'disk',
  };
  if (disk.imageUuid !== undefined) {
    out.image_size = disk.imageSizeMiB ?? disk.sizeMiB;
    out.image_uuid = disk.imageUuid;
  }
  out.zfs_filesystem = dataset;
  out.zpool = 'zones';
  out.size = disk.sizeMiB;
  out.compression = 'lzjb';
  out.refreservation = disk.sizeMiB;
  out.block_size = 8192;
  if (bhyve) {
    out.pci_slot = `0:4:${index}`;
    if (disk.uuid !== undefined) out.uuid = disk.uuid;
  }
  return out;
}

/** The full `vmadm get` object for a spec. */
export function buildVm(spec: VmSpec): VmObject {
  const hvm = isHvmBrand(spec.brand);
  const running = spec.zoneid !== undefined;
  // HVM zones get max_physical_memory = ram + 1024 (vmadm's default overhead)
  const mpm = hvm ? spec.ramMiB + 1024 : spec.ramMiB;
  const vm: VmObject = {
    zonename: spec.uuid,
    autoboot: spec.state === 'running' || spec.state === 'provisioning',
    brand: spec.brand,
    limit_priv: hvm ? HVM_LIMIT_PRIV : 'default',
    v: 1,
    create_timestamp: spec.createTimestamp,
  };
  if (!hvm) vm.image_uuid = spec.imageUuid;
  Object.assign(vm, {
    cpu_shares: 100,
    max_lwps: 2000,
    max_msg_ids: 4096,
    max_sem_ids: 4096,
    max_shm_ids: 4096,
    max_shm_memory: mpm,
    zfs_io_priority: 100,
    max_physical_memory: mpm,
    max_locked_memory: mpm,
    max_swap: Math.max(mpm, 256),
  });
  if (spec.cpuCap !== undefined) vm.cpu_cap = spec.cpuCap;
  vm.billing_id = '00000000-0000-0000-0000-000000000000';
  vm.owner_uuid = '00000000-0000-0000-0000-000000000000';
  if (!hvm) {
    vm.tmpfs = Math.max(mpm, 256);
    vm.dns_domain = 'local';
    if (spec.kernelVersion !== undefined) vm.kernel_version = spec.kernelVersion;
  }
  vm.hostname = spec.hostname;
  if (spec.alias !== undefined) vm.alias = spec.alias;
  if (hvm) {
    vm.ram = spec.ramMiB;
    if (spec.brand === 'bhyve') vm.bootrom = 'uefi';
    vm.vcpus = spec.vcpus;
    if (spec.vncPort !== undefined) vm.vnc_port = spec.vncPort;
  }
  vm.resolvers = [...spec.resolvers];
  vm.nics = spec.nics.map((nic, i) => nicObject(spec, nic, i));
  if (hvm) vm.disks = spec.disks.map((disk, i) => diskObject(spec, disk, i));
  vm.uuid = spec.uuid;
  vm.zone_state = running ? 'running' : 'installed';
  vm.zonepath = `/zones/${spec.uuid}`;
  if (running && spec.zoneid !== undefined) vm.zoneid = spec.zoneid;
  vm.last_modified = spec.lastModified;
  if (!running && spec.exitTimestamp !== undefined) {
    vm.exit_status = 0;
    vm.exit_timestamp = spec.exitTimestamp;
  }
  vm.firewall_enabled = false;
  vm.server_uuid = spec.serverUuid;
  vm.platform_buildstamp = spec.platformBuildstamp;
  vm.state = spec.state;
  if (running && spec.bootTimestamp !== undefined) vm.boot_timestamp = spec.bootTimestamp;
  if (running && spec.pid !== undefined) vm.pid = spec.pid;
  vm.customer_metadata = spec.customerMetadata;
  vm.internal_metadata = {};
  vm.routes = {};
  vm.tags = spec.tags;
  vm.quota = spec.quotaGiB;
  if (!hvm) vm.zfs_root_recsize = 131072;
  vm.zfs_filesystem = `zones/${spec.uuid}`;
  vm.zpool = 'zones';
  vm.snapshots = [];
  return vm;
}
