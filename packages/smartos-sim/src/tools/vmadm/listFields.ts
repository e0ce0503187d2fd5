// vmadm.js LIST_FIELDS and the key checks built on it (smartos-live src/vm/sbin/vmadm.js).

export interface ListField {
  header: string;
  width: number;
}

const LIST_FIELDS = new Map<string, ListField>(
  (
    [
      ['alias', 'ALIAS', 10],
      ['autoboot', 'AUTOBOOT', 8],
      ['billing_id', 'BILLING_ID', 36],
      ['boot_timestamp', 'BOOT_TIMESTAMP', 24],
      ['brand', 'BRAND', 14],
      ['cpu_cap', 'CPU_CAP', 7],
      ['cpu_shares', 'CPU_SHARE', 9],
      ['cpu_type', 'CPU_TYPE', 8],
      ['create_timestamp', 'CREATE_TIMESTAMP', 24],
      ['dns_domain', 'DOMAIN', 32],
      ['do_not_inventory', 'DNI', 5],
      ['docker', 'DOCKER', 6],
      ['exit_status', 'EXIT', 4],
      ['exit_timestamp', 'EXIT_TIMESTAMP', 24],
      ['firewall_enabled', 'FIREWALL_ENABLED', 16],
      ['flexible_disk_size', 'FLEX_DISK_SIZE', 14],
      ['free_space', 'FREE_SPACE', 14],
      ['hostname', 'HOSTNAME', 32],
      ['hvm', 'HVM', 5],
      ['image_uuid', 'IMAGE_UUID', 36],
      ['indestructible_delegated', 'INDESTR_DATA', 12],
      ['indestructible_zoneroot', 'INDESTR_ROOT', 12],
      ['ram', 'RAM', 7],
      ['max_locked_memory', 'MAX_LOCKED', 10],
      ['max_lwps', 'MAX_LWP', 7],
      ['max_physical_memory', 'MAX_PHYS', 8],
      ['max_swap', 'MAX_SWAP', 8],
      ['owner_uuid', 'OWNER_UUID', 36],
      ['package_name', 'PACKAGE_NAME', 32],
      ['package_version', 'PACKAGE_VER', 11],
      ['pid', 'PID', 6],
      ['qemu_extra_opts', 'QEMU_EXTRA_OPTS', 15],
      ['quota', 'QUOTA', 5],
      ['zone_state', 'ZONE_STATE', 10],
      ['state', 'STATE', 16],
      ['tmpfs', 'TMPFS', 5],
      ['type', 'TYPE', 4],
      ['uuid', 'UUID', 36],
      ['vcpus', 'VCPUS', 5],
      ['zfs_io_priority', 'IO_PRIORITY', 11],
      ['zpool', 'ZPOOL', 12],
      ['zonename', 'ZONENAME', 12],
      ['zonepath', 'ZONEPATH', 40],
      ['zoneid', 'ZONEID', 6],
    ] as const
  ).map(([key, header, width]) => [key, { header, width }]),
);

/** Arrays of objects flattened as `<key>.<index>.<member>` (proptable flattenable: array_hash_key). */
export const FLATTENABLE_ARRAY_HASH_KEYS: readonly string[] = ['disks', 'nics', 'pci_devices'];
/** Objects flattened as `<key>.<member>` (flattenable: hash_key). */
export const FLATTENABLE_HASH_KEYS: readonly string[] = [
  'customer_metadata',
  'internal_metadata',
  'routes',
  'tags',
];
/** Arrays flattened as `<key>.<index>` (flattenable: array). */
export const FLATTENABLE_ARRAYS: readonly string[] = ['internal_metadata_namespaces', 'resolvers'];

export const DEFAULT_SORT = 'ram,uuid';
export const DEFAULT_ORDER = 'uuid,type,ram,state,alias';

/** getListProperties(): header and width of a column, or undefined when it is not listable. */
export function getListProperties(field: string): ListField | undefined {
  const known = LIST_FIELDS.get(field);
  if (known) return known;
  const parts = field.split('.');
  const head = parts[0] ?? '';
  if (parts.length === 3 && FLATTENABLE_ARRAY_HASH_KEYS.includes(head))
    return { header: field.toUpperCase(), width: 20 };
  if (parts.length === 2 && FLATTENABLE_HASH_KEYS.includes(head))
    return { header: field.toUpperCase(), width: 20 };
  return undefined;
}

// As vmadm.js builds them from string literals, where '\.' is just '.': the dots match
// any character, and the nic expression is not anchored at the start.
const DISK_RE = /^disks.[*0-9]*.(boot|image_name|image_size|image_uuid|size|media|model|zpool)$/;
const NIC_RE = /nics.[*0-9]*.(dhcp_server|gateway|interface|ip|mac|model|netmask|nic_tag|vlan_id)$/;

/** validFilterKey(): may this key be used in a list/lookup filter? */
export function validFilterKey(key: string): boolean {
  if (LIST_FIELDS.has(key)) return true;
  if (DISK_RE.test(key)) return true;
  if (NIC_RE.test(key)) return true;
  return /^(tags|customer_metadata|internal_metadata)\..*/.test(key);
}

/** validColumnKey(): rules out `nics.*.ip`-style columns, which have no single value. */
export function validColumnKey(key: string): boolean {
  return !/^(disks|filesystems|nics)\.\*\.*/.test(key);
}
