// The order vmload emits a VM's keys in (REFERENCE 1.4), for placing keys an update adds.
import type { JsonObject, JsonValue } from '../../state/json.js';
import { setKey } from '../../state/objectKeys.js';

const KEY_ORDER = [
  'zonename',
  'autoboot',
  'brand',
  'limit_priv',
  'v',
  'create_timestamp',
  'image_uuid',
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
  'package_name',
  'package_version',
  'tmpfs',
  'dns_domain',
  'hostname',
  'alias',
  'kernel_version',
  'ram',
  'bootrom',
  'vcpus',
  'cpu_type',
  'vnc_port',
  'vnc_password',
  'resolvers',
  'nics',
  'disks',
  'uuid',
  'zone_state',
  'zonepath',
  'zoneid',
  'last_modified',
  'exit_status',
  'exit_timestamp',
  'firewall_enabled',
  'server_uuid',
  'platform_buildstamp',
  'state',
  'boot_timestamp',
  'pid',
  'customer_metadata',
  'internal_metadata',
  'routes',
  'tags',
  'quota',
  'zfs_root_recsize',
  'zfs_filesystem',
  'zpool',
  'snapshots',
];

/** Sets `key`, placing a new key where vmload would put it (unknown keys: before `uuid`). */
export function placeKey(vm: JsonObject, key: string, value: JsonValue): JsonObject {
  if (Object.hasOwn(vm, key)) return setKey(vm, key, value);
  const at = KEY_ORDER.indexOf(key);
  const before = at === -1 ? KEY_ORDER.slice(0, KEY_ORDER.indexOf('uuid')) : KEY_ORDER.slice(0, at);
  return setKey(vm, key, value, before.reverse());
}
