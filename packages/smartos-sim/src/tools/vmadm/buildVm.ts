// The `vmadm get` object of a newly created VM, built from the normalized create payload in
// the key order vmload emits (REFERENCE 1.4): what zonecfg, the zone's config/*.json files
// and zfs would say of the zone VM.create just made.
import { randomInt, randomUUID } from 'node:crypto';

import { isJsonObject, jsString, type JsonObject, type JsonValue, type VmObject } from '../../state/json.js';
import { BRAND_FEATURES, isHvm } from './brandFeatures.js';
import { isBrand } from './payloadProps.js';

export interface HostFacts {
  serverUuid: string;
  platformBuildstamp: string;
  zonepath: string;
  now: Date;
}

/** utils.generateMAC(): a locally administered unicast address. */
export function generateMac(): string {
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  const first = `${randomInt(1, 16).toString(16)}2`;
  return [first, ...Array.from({ length: 5 }, () => hex(randomInt(1, 256)))].join(':');
}

function prefixLength(netmask: string): number {
  return netmask
    .split('.')
    .map((o) => Number(o).toString(2).replace(/0/g, '').length)
    .reduce((a, b) => a + b, 0);
}

function netmaskOf(prefix: number): string {
  const bits = '1'.repeat(prefix).padEnd(32, '0');
  return [0, 8, 16, 24].map((i) => parseInt(bits.slice(i, i + 8), 2)).join('.');
}

const NIC_ORDER = [
  'interface',
  'mac',
  'vlan_id',
  'nic_tag',
  'gateway',
  'gateways',
  'netmask',
  'ip',
  'ips',
  'model',
  'primary',
];

/** A nic as vmload reports it: interface and mac filled in, ip/ips/netmask/gateways consistent. */
export function buildNic(
  nic: JsonObject,
  interfaceName: string,
  hvm: boolean,
  nicDriver?: JsonValue,
): JsonObject {
  const n: JsonObject = { ...nic };
  n.interface = typeof nic.interface === 'string' ? nic.interface : interfaceName;
  if (typeof n.mac !== 'string') n.mac = generateMac();
  if (n.vlan_id === 0) delete n.vlan_id;
  if (typeof n.ip === 'string' && !Array.isArray(n.ips)) {
    n.ips =
      n.ip === 'dhcp' || n.ip === 'addrconf'
        ? [n.ip]
        : [`${n.ip}/${prefixLength(jsString(n.netmask ?? '255.255.255.0'))}`];
  } else if (Array.isArray(n.ips) && typeof n.ip !== 'string') {
    const first = jsString(n.ips[0] ?? '');
    const [addr = '', prefix] = first.split('/');
    n.ip = addr;
    if (prefix !== undefined && typeof n.netmask !== 'string') n.netmask = netmaskOf(Number(prefix));
  }
  if (typeof n.gateway === 'string' && !Array.isArray(n.gateways)) n.gateways = [n.gateway];
  else if (Array.isArray(n.gateways) && typeof n.gateway !== 'string' && typeof n.gateways[0] === 'string')
    n.gateway = n.gateways[0];
  if (hvm && typeof n.model !== 'string') n.model = typeof nicDriver === 'string' ? nicDriver : 'virtio';
  const out: JsonObject = {};
  for (const key of NIC_ORDER) {
    const v = n[key];
    if (v !== undefined) out[key] = v;
  }
  for (const [key, v] of Object.entries(n)) if (!NIC_ORDER.includes(key)) out[key] = v;
  return out;
}

/** zvol dataset of an HVM disk: kvm `zones/<uuid>-diskN`, bhyve `zones/<uuid>/diskN`. */
export function diskDataset(brand: string, zpool: string, uuid: string, index: number): string {
  return brand === 'bhyve' ? `${zpool}/${uuid}/disk${index}` : `${zpool}/${uuid}-disk${index}`;
}

/** A disk as vmload reports it, path and dataset filled in. */
export function buildDisk(
  disk: JsonObject,
  brand: string,
  uuid: string,
  index: number,
  diskDriver?: JsonValue,
): JsonObject {
  const zpool = typeof disk.zpool === 'string' ? disk.zpool : 'zones';
  const media = typeof disk.media === 'string' ? disk.media : 'disk';
  const dataset = diskDataset(brand, zpool, uuid, index);
  const out: JsonObject = {
    path: typeof disk.path === 'string' ? disk.path : `/dev/zvol/rdsk/${dataset}`,
    boot: disk.boot === true || disk.boot === 'true',
    model:
      typeof disk.model === 'string' ? disk.model : typeof diskDriver === 'string' ? diskDriver : 'virtio',
    media,
  };
  if (typeof disk.image_size === 'number') out.image_size = disk.image_size;
  if (typeof disk.image_uuid === 'string') out.image_uuid = disk.image_uuid;
  if (media === 'disk') {
    const size =
      typeof disk.image_size === 'number' && typeof disk.size !== 'number' ? disk.image_size : disk.size;
    out.zfs_filesystem = dataset;
    out.zpool = zpool;
    out.size = typeof size === 'number' ? size : 0;
    out.compression = typeof disk.compression === 'string' ? disk.compression : 'off';
    out.refreservation = typeof disk.refreservation === 'number' ? disk.refreservation : out.size;
    out.block_size = typeof disk.block_size === 'number' ? disk.block_size : 8192;
  }
  if (brand === 'bhyve') {
    out.pci_slot = typeof disk.pci_slot === 'string' ? disk.pci_slot : `0:4:${index}`;
    out.uuid = typeof disk.uuid === 'string' ? disk.uuid : randomUUID();
  }
  for (const [key, v] of Object.entries(disk)) if (!Object.hasOwn(out, key)) out[key] = v;
  return out;
}

// resource controls and owner ids, copied as given (in vmload's key order)
const COPIED_AS_IS = [
  'cpu_shares',
  'max_lwps',
  'max_msg_ids',
  'max_sem_ids',
  'max_shm_ids',
  'max_shm_memory',
  'zfs_io_priority',
  'max_physical_memory',
  'max_locked_memory',
  'max_swap',
  'cpu_cap',
  'billing_id',
  'owner_uuid',
];

// payload properties that become other keys (or nothing) in the VM object
const CONSUMED = new Set([
  'brand',
  'autoboot',
  'limit_priv',
  'image_uuid',
  ...COPIED_AS_IS,
  'tmpfs',
  'dns_domain',
  'hostname',
  'alias',
  'kernel_version',
  'ram',
  'bootrom',
  'vcpus',
  'vnc_port',
  'resolvers',
  'nics',
  'disks',
  'uuid',
  'zonename',
  'firewall_enabled',
  'customer_metadata',
  'internal_metadata',
  'routes',
  'tags',
  'quota',
  'zfs_root_recsize',
  'zpool',
  'delegate_dataset',
  'nic_driver',
  'disk_driver',
  'zfs_filesystem',
  'create_timestamp',
  'v',
  'transition',
  'create_only',
  'nowait',
  'dataset_uuid',
  'zone_dataset_uuid',
]);

function list(value: JsonValue | undefined): string {
  return Array.isArray(value) ? value.map(String).join(',') : jsString(value ?? '');
}

/** The new VM, in state provisioning with its zone installed (not yet booted). */
export function buildVm(payload: JsonObject, facts: HostFacts): VmObject {
  const brand = jsString(payload.brand);
  const hvm = isHvm(brand);
  const features = isBrand(brand) ? BRAND_FEATURES[brand] : BRAND_FEATURES.joyent;
  const uuid = jsString(payload.uuid);
  const zpool = typeof payload.zpool === 'string' ? payload.zpool : 'zones';
  const ts = facts.now.toISOString();
  const vm: VmObject = {
    zonename: typeof payload.zonename === 'string' && !hvm ? payload.zonename : uuid,
    autoboot: payload.autoboot !== false && payload.autoboot !== 'false',
    brand,
    limit_priv: list(payload.limit_priv),
    v: 1,
    create_timestamp: ts,
  };
  const copy = (key: string): void => {
    const v = payload[key];
    if (v !== undefined && v !== null) vm[key] = v;
  };
  if (!hvm || typeof payload.image_uuid === 'string') copy('image_uuid');
  for (const key of COPIED_AS_IS) copy(key);
  if (!hvm) {
    copy('tmpfs');
    copy('dns_domain');
  }
  copy('hostname');
  copy('alias');
  if (brand === 'lx') copy('kernel_version');
  if (hvm) {
    copy('ram');
    if (brand === 'bhyve') vm.bootrom = typeof payload.bootrom === 'string' ? payload.bootrom : 'bios';
    copy('vcpus');
    copy('vnc_port');
  }
  vm.resolvers = Array.isArray(payload.resolvers) ? payload.resolvers : [];
  const nics = Array.isArray(payload.nics) ? payload.nics.filter(isJsonObject) : [];
  vm.nics = nics.map((nic, i) => buildNic(nic, `${features.interfacePrefix}${i}`, hvm, payload.nic_driver));
  if (vm.nics.length > 0 && !vm.nics.some((n) => isJsonObject(n) && n.primary === true)) {
    const first = vm.nics[0];
    if (isJsonObject(first)) first.primary = true;
  }
  if (hvm) {
    const disks = Array.isArray(payload.disks) ? payload.disks.filter(isJsonObject) : [];
    const built = disks.map((d, i) => buildDisk(d, brand, uuid, i, payload.disk_driver));
    if (built.length > 0 && !disks.some((d) => Object.hasOwn(d, 'boot'))) {
      const first = built[0];
      if (first) first.boot = true;
    }
    vm.disks = built;
  }
  for (const [key, v] of Object.entries(payload)) if (!CONSUMED.has(key) && v !== null) vm[key] = v;
  vm.uuid = uuid;
  vm.zone_state = 'installed';
  vm.zonepath = facts.zonepath;
  vm.last_modified = ts;
  vm.firewall_enabled = payload.firewall_enabled === true;
  vm.server_uuid = facts.serverUuid;
  vm.platform_buildstamp = facts.platformBuildstamp;
  vm.state = 'provisioning';
  vm.customer_metadata = isJsonObject(payload.customer_metadata) ? payload.customer_metadata : {};
  vm.internal_metadata = isJsonObject(payload.internal_metadata) ? payload.internal_metadata : {};
  vm.routes = isJsonObject(payload.routes) ? payload.routes : {};
  vm.tags = isJsonObject(payload.tags) ? payload.tags : {};
  copy('quota');
  if (!hvm)
    vm.zfs_root_recsize = typeof payload.zfs_root_recsize === 'number' ? payload.zfs_root_recsize : 131072;
  vm.zfs_filesystem = `${zpool}/${uuid}`;
  vm.zpool = zpool;
  vm.snapshots = [];
  if (payload.delegate_dataset === true || payload.delegate_dataset === 'true') {
    vm.delegate_dataset = true;
    vm.datasets = [`${zpool}/${uuid}/data`];
  }
  return vm;
}
