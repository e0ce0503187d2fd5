import { TRPCError } from '@trpc/server';

/**
 * vmadm properties that break a VM's isolation from the global zone, other VMs or the network,
 * refused in raw create properties and in update payloads unless the server allows them by name
 * (ZONEDECK_ALLOW_VM_PROPERTIES, a list the host's administrator sets: a console admin alone
 * cannot lift this, which is the point). Sources: vmadm(8) property table, REFERENCE.md §9.
 *
 * Not listed, and why: removals (`remove_filesystems`, `remove_disks`, `limit_priv` that only
 * drops privileges) narrow a zone; `zlog_mode` and `zonepath` cannot be set through create or
 * update; `delegate_dataset` hands the zone a dataset under its own quota; compression, quotas
 * and `indestructible_*` change no boundary; `customer_metadata` scripts run inside the guest.
 */
interface DangerousProperty {
  /** The name ZONEDECK_ALLOW_VM_PROPERTIES uses and the error shows. */
  name: string;
  /** Why it is refused (in the error). */
  why: string;
  /** Where in a create or update payload it is set: the paths (for the error) that set it. */
  find(payload: Readonly<Record<string, unknown>>): string[];
}

function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** Top-level properties set to something (clearing one with '' or null is allowed). */
function topLevel(...keys: string[]) {
  return (payload: Readonly<Record<string, unknown>>) => keys.filter((k) => isSet(payload[k]));
}

/** Entries of `lists` (e.g. nics, add_nics, update_nics) that set `field`. */
function inEntries(lists: string[], field: string) {
  return (payload: Readonly<Record<string, unknown>>) =>
    lists.flatMap((list) => {
      const entries = payload[list];
      if (!Array.isArray(entries)) return [];
      return entries.flatMap((entry: unknown, i) =>
        typeof entry === 'object' && entry !== null && isSet((entry as Record<string, unknown>)[field])
          ? [`${list}[${i}].${field}`]
          : [],
      );
    });
}

/** `limit_priv` entries other than `default` and removals (`-priv` / `!priv`) add privileges. */
function addedPrivileges(payload: Readonly<Record<string, unknown>>): string[] {
  const value = payload.limit_priv;
  if (!isSet(value)) return [];
  const privs = (Array.isArray(value) ? value.map(String) : String(value).split(','))
    .map((p) => p.trim())
    .filter(Boolean);
  return privs.some((p) => p !== 'default' && !p.startsWith('-') && !p.startsWith('!')) ? ['limit_priv'] : [];
}

const NIC_LISTS = ['nics', 'add_nics', 'update_nics'];
const DISK_LISTS = ['disks', 'add_disks', 'update_disks'];

export const DANGEROUS_VM_PROPERTIES: readonly DangerousProperty[] = [
  {
    name: 'filesystems',
    why: 'mounts global-zone paths or devices into the zone (lofs source is any host path)',
    find: topLevel('filesystems', 'add_filesystems', 'update_filesystems'),
  },
  {
    name: 'fs_allowed',
    why: 'lets the zone mount file system types itself (ufs, pcfs, nfs…) beyond its dataset',
    find: topLevel('fs_allowed'),
  },
  {
    name: 'limit_priv',
    why: 'adds zone privileges beyond the default set (e.g. sys_time, dtrace_kernel, sys_config) that reach the whole host',
    find: addedPrivileges,
  },
  {
    name: 'qemu_opts',
    why: 'replaces the KVM command line: arbitrary devices, files and network back-ends',
    find: topLevel('qemu_opts'),
  },
  {
    name: 'qemu_extra_opts',
    why: 'adds arbitrary KVM options: devices, files and network back-ends outside the VM spec',
    find: topLevel('qemu_extra_opts'),
  },
  {
    name: 'bhyve_extra_opts',
    why: 'adds arbitrary bhyve options: PCI pass-through and devices outside the VM spec',
    find: topLevel('bhyve_extra_opts'),
  },
  {
    name: 'disks.path',
    why: "points a disk at an existing device or zvol, e.g. another VM's disk",
    find: inEntries(DISK_LISTS, 'path'),
  },
  ...(
    [
      'allow_ip_spoofing',
      'allow_mac_spoofing',
      'allow_dhcp_spoofing',
      'allow_restricted_traffic',
      'allow_unfiltered_promisc',
    ] as const
  ).map((flag) => ({
    name: `nics.${flag}`,
    why: "switches off the NIC's anti-spoofing, so the VM can pose as other hosts or see their traffic",
    find: inEntries(NIC_LISTS, flag),
  })),
];

export const DANGEROUS_VM_PROPERTY_NAMES: readonly string[] = DANGEROUS_VM_PROPERTIES.map((p) => p.name);

/** The dangerous properties a payload sets that `allowed` does not name: [name, path, why]. */
export function refusedVmProperties(
  payload: Readonly<Record<string, unknown>>,
  allowed: ReadonlySet<string>,
): { name: string; path: string; why: string }[] {
  return DANGEROUS_VM_PROPERTIES.filter((p) => !allowed.has(p.name)).flatMap((p) =>
    p.find(payload).map((path) => ({ name: p.name, path, why: p.why })),
  );
}

/** Throws FORBIDDEN naming the first refused property, before anything reaches the host. */
export function assertVmPropertiesAllowed(
  payload: Readonly<Record<string, unknown>>,
  allowed: ReadonlySet<string> | undefined,
): void {
  const [first] = refusedVmProperties(payload, allowed ?? new Set());
  if (!first) return;
  throw new TRPCError({
    code: 'FORBIDDEN',
    message:
      `${first.path}: refused, it ${first.why}. The server allows it only when started with ` +
      `ZONEDECK_ALLOW_VM_PROPERTIES=${first.name}`,
  });
}

/** Checks a configured allow-list: unknown names are a configuration mistake, not a no-op. */
export function unknownVmPropertyNames(names: readonly string[]): string[] {
  return names.filter((n) => !DANGEROUS_VM_PROPERTY_NAMES.includes(n));
}
