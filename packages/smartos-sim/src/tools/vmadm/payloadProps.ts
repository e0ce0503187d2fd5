// The payload half of smartos-live src/vm/node_modules/proptable.js (as expanded into
// props.js: PAYLOAD_PROPERTIES and BRAND_OPTIONS[brand].allowed_properties), extracted
// mechanically. Per property: t = type, a = brands and the actions allowing it
// (c create, r receive, u update, a add: members of disks/nics/... and add_*), req = where it is required, as = check_as,
// v = valueValidator (utils.js), min/max, kz = keep_zero.

export type PropType =
  'object-array' | 'string' | 'boolean' | 'integer' | 'object' | 'flat-object' | 'uuid' | 'list' | 'zpool';

export type Validator =
  'validBhyveSectSize' | 'validAttrValue' | 'validCID' | 'validMacAddress' | 'validResolver';

interface RawProp {
  t: PropType;
  a: string;
  req?: string;
  as?: string;
  v?: Validator;
  min?: number;
  max?: number;
  kz?: boolean;
}

const RAW: Record<string, RawProp> = {
  add_disks: { t: 'object-array', a: 'bhyve:u kvm:u', as: 'disks' },
  add_filesystems: {
    t: 'object-array',
    a: 'joyent:u joyent-minimal:u builder:u kvm:u lx:u',
    as: 'filesystems',
  },
  add_nics: { t: 'object-array', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u', as: 'nics' },
  add_pci_devices: { t: 'object-array', a: 'bhyve:cur', as: 'pci_devices' },
  alias: { t: 'string', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru' },
  archive_on_delete: {
    t: 'boolean',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
  },
  autoboot: { t: 'boolean', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru' },
  bhyve_extra_opts: { t: 'string', a: 'bhyve:cru' },
  billing_id: { t: 'string', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru' },
  boot: { t: 'string', a: 'bhyve:cru kvm:cru' },
  bootrom: { t: 'string', a: 'bhyve:cru' },
  brand: {
    t: 'string',
    a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr',
    req: 'joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr',
  },
  com1: { t: 'string', a: 'bhyve:cru' },
  com2: { t: 'string', a: 'bhyve:cru' },
  cpu_cap: { t: 'integer', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru', min: 0 },
  cpu_shares: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  cpu_type: { t: 'string', a: 'kvm:cru' },
  create_only: { t: 'boolean', a: 'bhyve:r joyent:r joyent-minimal:r builder:r kvm:r lx:r' },
  create_timestamp: { t: 'string', a: 'bhyve:r joyent:r joyent-minimal:r builder:r kvm:r lx:r' },
  customer_metadata: { t: 'flat-object', a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr' },
  dataset_uuid: { t: 'uuid', a: 'joyent:cr joyent-minimal:cr builder:cr lx:cr' },
  datasets: { t: 'list', a: 'bhyve:r joyent:r joyent-minimal:r builder:r kvm:r lx:r' },
  delegate_dataset: { t: 'boolean', a: 'joyent:cr joyent-minimal:cr builder:cr lx:cr' },
  disks: { t: 'object-array', a: 'bhyve:cr kvm:cr' },
  'disks.*.block_size': { t: 'integer', a: 'bhyve:a kvm:a', min: 0 },
  'disks.*.boot': { t: 'boolean', a: 'bhyve:au kvm:au' },
  'disks.*.compression': { t: 'string', a: 'bhyve:au kvm:au' },
  'disks.*.dangerous_allow_shrink': { t: 'boolean', a: 'bhyve:u' },
  'disks.*.guest_block_size': { t: 'string', a: 'bhyve:au', v: 'validBhyveSectSize' },
  'disks.*.image_name': { t: 'string', a: 'kvm:au' },
  'disks.*.image_size': { t: 'integer', a: 'bhyve:a kvm:a', min: 0 },
  'disks.*.image_uuid': { t: 'uuid', a: 'bhyve:a kvm:a' },
  'disks.*.media': { t: 'string', a: 'bhyve:au kvm:au' },
  'disks.*.model': { t: 'string', a: 'bhyve:au kvm:au' },
  'disks.*.nocreate': { t: 'boolean', a: 'bhyve:a kvm:a' },
  'disks.*.notrim': { t: 'boolean', a: 'bhyve:au' },
  'disks.*.path': { t: 'string', a: 'bhyve:au kvm:au' },
  'disks.*.pci_slot': { t: 'string', a: 'bhyve:au' },
  'disks.*.refreservation': { t: 'integer', a: 'bhyve:au kvm:au', min: 0 },
  'disks.*.size': { t: 'integer', a: 'bhyve:au kvm:a', min: 0 },
  'disks.*.uuid': { t: 'uuid', a: 'bhyve:au' },
  'disks.*.zfs_filesystem': { t: 'string', a: 'bhyve:r kvm:r' },
  'disks.*.zpool': { t: 'string', a: 'bhyve:a kvm:a' },
  disk_driver: { t: 'string', a: 'bhyve:cru kvm:cru' },
  do_not_inventory: { t: 'boolean', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru lx:cru kvm:cru' },
  docker: { t: 'boolean', a: 'lx:cru joyent-minimal:cru' },
  dns_domain: { t: 'string', a: 'joyent:cru joyent-minimal:cru builder:cru lx:cru' },
  filesystems: { t: 'object-array', a: 'joyent:cr joyent-minimal:cr builder:cr lx:cr' },
  'filesystems.*.options': { t: 'list', a: 'joyent:au joyent-minimal:au builder:au lx:au' },
  'filesystems.*.raw': { t: 'string', a: 'joyent:au joyent-minimal:au builder:au lx:au' },
  'filesystems.*.source': { t: 'string', a: 'joyent:au joyent-minimal:au builder:au lx:au' },
  'filesystems.*.target': { t: 'string', a: 'joyent:au joyent-minimal:au builder:au lx:au' },
  'filesystems.*.type': { t: 'string', a: 'joyent:au joyent-minimal:au builder:au lx:au' },
  firewall_enabled: { t: 'boolean', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru' },
  flexible_disk_size: { t: 'integer', a: 'bhyve:cru', min: 0 },
  fs_allowed: { t: 'list', a: 'joyent:cru joyent-minimal:cru builder:cru lx:cru' },
  hostname: { t: 'string', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru' },
  image_uuid: {
    t: 'uuid',
    a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr',
    req: 'joyent:cr joyent-minimal:cr builder:cr lx:cr',
  },
  indestructible_delegated: {
    t: 'boolean',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
  },
  indestructible_zoneroot: {
    t: 'boolean',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
  },
  init_name: { t: 'string', a: 'joyent:cru joyent-minimal:cru builder:cru lx:cru' },
  internal_metadata: { t: 'flat-object', a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr' },
  internal_metadata_namespaces: {
    t: 'list',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    v: 'validAttrValue',
  },
  kernel_version: { t: 'string', a: 'lx:cru', req: 'lx:cr' },
  limit_priv: { t: 'list', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru' },
  maintain_resolvers: { t: 'boolean', a: 'joyent:cru joyent-minimal:cru builder:cru lx:cru' },
  max_locked_memory: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  max_lwps: { t: 'integer', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru', min: 0 },
  max_msg_ids: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  max_physical_memory: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  max_sem_ids: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  max_shm_ids: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  max_shm_memory: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  max_swap: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 256,
  },
  mdata_exec_timeout: { t: 'integer', a: 'joyent:c joyent-minimal:c builder:c lx:c', min: 0 },
  nic_driver: { t: 'string', a: 'bhyve:cru kvm:cru' },
  nics: { t: 'object-array', a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr' },
  'nics.*.allow_dhcp_spoofing': {
    t: 'boolean',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
  },
  'nics.*.allow_ip_spoofing': {
    t: 'boolean',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
  },
  'nics.*.allow_mac_spoofing': {
    t: 'boolean',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
  },
  'nics.*.allow_restricted_traffic': {
    t: 'boolean',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
  },
  'nics.*.allow_unfiltered_promisc': { t: 'boolean', a: 'bhyve:au kvm:au' },
  'nics.*.allowed_ips': { t: 'list', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.allowed_dhcp_cids': {
    t: 'list',
    a: 'joyent:au joyent-minimal:au builder:au kvm:au lx:au',
    v: 'validCID',
  },
  'nics.*.blocked_outgoing_ports': {
    t: 'list',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
  },
  'nics.*.dhcp_server': { t: 'boolean', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.gateway': { t: 'string', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.gateways': { t: 'list', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.interface': { t: 'string', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.ip': { t: 'string', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.ips': { t: 'list', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.mac': {
    t: 'string',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
    v: 'validMacAddress',
  },
  'nics.*.model': { t: 'string', a: 'bhyve:au kvm:au' },
  'nics.*.mtu': {
    t: 'integer',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
    min: 576,
    max: 9000,
  },
  'nics.*.netmask': { t: 'string', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.network_uuid': { t: 'uuid', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.nic_tag': { t: 'string', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.primary': { t: 'boolean', a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au' },
  'nics.*.vlan_id': {
    t: 'integer',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
    min: 0,
    max: 4095,
  },
  'nics.*.vrrp_vrid': {
    t: 'integer',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
    min: 0,
    max: 255,
  },
  'nics.*.vrrp_primary_ip': {
    t: 'string',
    a: 'bhyve:au joyent:au joyent-minimal:au builder:au kvm:au lx:au',
  },
  nowait: { t: 'boolean', a: 'joyent:cr joyent-minimal:cr builder:cr lx:cr' },
  owner_uuid: { t: 'string', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru' },
  package_name: { t: 'string', a: 'joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru' },
  package_version: { t: 'string', a: 'joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru' },
  pci_devices: { t: 'object-array', a: 'bhyve:cru' },
  'pci_devices.*.path': { t: 'string', a: 'bhyve:au' },
  'pci_devices.*.pci_slot': { t: 'string', a: 'bhyve:au' },
  qemu_extra_opts: { t: 'string', a: 'kvm:cru' },
  qemu_opts: { t: 'string', a: 'kvm:cru' },
  quota: { t: 'integer', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru', min: 0 },
  ram: { t: 'integer', a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru', min: 0 },
  remove_customer_metadata: { t: 'list', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  remove_disks: { t: 'list', a: 'bhyve:u kvm:u' },
  remove_filesystems: { t: 'list', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  remove_internal_metadata: { t: 'list', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  remove_nics: { t: 'list', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  remove_pci_devices: { t: 'list', a: 'bhyve:u' },
  remove_routes: { t: 'list', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  remove_tags: { t: 'list', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  resolvers: {
    t: 'list',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    v: 'validResolver',
  },
  restart_init: { t: 'boolean', a: 'joyent:cru joyent-minimal:cru builder:cru lx:cru' },
  routes: { t: 'flat-object', a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr' },
  set_routes: { t: 'flat-object', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  set_tags: { t: 'flat-object', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  set_customer_metadata: { t: 'flat-object', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  set_internal_metadata: { t: 'flat-object', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u' },
  spice_opts: { t: 'string', a: 'kvm:cru' },
  spice_password: { t: 'string', a: 'kvm:cru' },
  spice_port: { t: 'integer', a: 'kvm:cru', min: -1 },
  tags: { t: 'flat-object', a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr' },
  transition: { t: 'flat-object', a: 'bhyve:r joyent:r joyent-minimal:r builder:r kvm:r lx:r' },
  tmpfs: { t: 'integer', a: 'joyent:cru joyent-minimal:cru builder:cru lx:cru', min: 0, kz: true },
  update_disks: { t: 'object-array', a: 'bhyve:u kvm:u', as: 'disks' },
  update_filesystems: {
    t: 'object-array',
    a: 'joyent:u joyent-minimal:u builder:u kvm:u lx:u',
    as: 'filesystems',
  },
  update_nics: { t: 'object-array', a: 'bhyve:u joyent:u joyent-minimal:u builder:u kvm:u lx:u', as: 'nics' },
  update_pci_devices: { t: 'object-array', a: 'bhyve:u', as: 'pci_devices' },
  uuid: { t: 'uuid', a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr' },
  v: { t: 'integer', a: 'bhyve:r joyent:r joyent-minimal:r builder:r kvm:r lx:r', min: 0 },
  vcpus: { t: 'integer', a: 'bhyve:cru kvm:cru', min: 1 },
  virtio_txburst: { t: 'integer', a: 'kvm:cru', min: 0 },
  virtio_txtimer: { t: 'integer', a: 'kvm:cru', min: 0 },
  vga: { t: 'string', a: 'kvm:cru' },
  vnc_password: { t: 'string', a: 'bhyve:cru kvm:cru' },
  vnc_port: { t: 'integer', a: 'bhyve:cru kvm:cru', min: -1 },
  zfs_data_compression: { t: 'string', a: 'joyent:cru joyent-minimal:cru builder:cru lx:cru' },
  zfs_data_recsize: { t: 'integer', a: 'joyent:cru joyent-minimal:cru builder:cru lx:cru', min: 0 },
  zfs_filesystem: { t: 'string', a: 'bhyve:r joyent:r joyent-minimal:r builder:r kvm:r lx:r' },
  zfs_filesystem_limit: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  zfs_root_compression: {
    t: 'string',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
  },
  zfs_root_recsize: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  zfs_io_priority: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  zlog_max_size: {
    t: 'integer',
    a: 'joyent:cru joyent-minimal:cru builder:cru lx:cru',
    min: 0,
    max: 9223372036854776000,
  },
  zone_dataset_uuid: { t: 'uuid', a: 'bhyve:cr kvm:cr' },
  zonename: { t: 'string', a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr' },
  zfs_snapshot_limit: {
    t: 'integer',
    a: 'bhyve:cru joyent:cru joyent-minimal:cru builder:cru kvm:cru lx:cru',
    min: 0,
  },
  zfs_storage_pool_name: { t: 'zpool', a: 'joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr' },
  zpool: { t: 'zpool', a: 'bhyve:cr joyent:cr joyent-minimal:cr builder:cr kvm:cr lx:cr' },
};

export type Action = 'create' | 'receive' | 'update' | 'add';
export const BRANDS = ['bhyve', 'builder', 'joyent', 'joyent-minimal', 'kvm', 'lx'] as const;
export type Brand = (typeof BRANDS)[number];

export interface PayloadProp {
  type: PropType;
  allowed: ReadonlyMap<string, readonly Action[]>;
  required: ReadonlyMap<string, readonly Action[]>;
  checkAs?: string;
  validator?: Validator;
  min?: number;
  max?: number;
  keepZero: boolean;
}

const LETTERS: Record<string, Action> = { c: 'create', r: 'receive', u: 'update', a: 'add' };

function decode(spec: string | undefined): Map<string, Action[]> {
  const out = new Map<string, Action[]>();
  for (const part of (spec ?? '').split(' ').filter(Boolean)) {
    const [brand = '', letters = ''] = part.split(':');
    out.set(
      brand,
      [...letters].map((l) => LETTERS[l] ?? 'create'),
    );
  }
  return out;
}

/** PAYLOAD_PROPERTIES: every property a payload may carry, with its rules. */
export const PAYLOAD_PROPERTIES: ReadonlyMap<string, PayloadProp> = new Map(
  Object.entries(RAW).map(([name, raw]) => {
    const prop: PayloadProp = {
      type: raw.t,
      allowed: decode(raw.a),
      required: decode(raw.req),
      keepZero: raw.kz === true,
    };
    if (raw.as !== undefined) prop.checkAs = raw.as;
    if (raw.v !== undefined) prop.validator = raw.v;
    if (raw.min !== undefined) prop.min = raw.min;
    if (raw.max !== undefined) prop.max = raw.max;
    return [name, prop];
  }),
);

export function isBrand(brand: unknown): brand is Brand {
  return typeof brand === 'string' && (BRANDS as readonly string[]).includes(brand);
}

/** BRAND_OPTIONS[brand].allowed_properties[prop] includes action. */
export function isAllowed(brand: Brand, prop: string, action: string): boolean {
  return (
    PAYLOAD_PROPERTIES.get(prop)
      ?.allowed.get(brand)
      ?.some((a) => a === action) ?? false
  );
}

/** Whether the brand knows the property at all (for any action). */
export function isKnownForBrand(brand: Brand, prop: string): boolean {
  return PAYLOAD_PROPERTIES.get(prop)?.allowed.has(brand) ?? false;
}

/** required_properties of a brand for an action, in table order. */
export function requiredProperties(brand: Brand, action: string): string[] {
  const out: string[] = [];
  for (const [name, prop] of PAYLOAD_PROPERTIES)
    if (prop.required.get(brand)?.some((a) => a === action)) out.push(name);
  return out;
}
