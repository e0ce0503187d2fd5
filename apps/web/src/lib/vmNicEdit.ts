// The edit dialog's NIC rows: what the admin sees and types for each VNIC, the checks (the
// contract's own NicSpec), and the `add_nics` / `update_nics` / `remove_nics` vmadm applies.
// Pure: tested in vmNicEdit.test.ts.
import type { VmDetail } from '@zonedeck/api/schemas';
import { nicAddressPayload, NicSpec } from '@zonedeck/api/schemas/vmSpec';

import { vmNics } from './vmDetail';

/** One VNIC as the inputs hold it. `mac` is null for a NIC the admin is adding. */
export interface NicEditRow {
  mac: string | null;
  /** `net0`…, for the label; null for a new NIC. */
  interface: string | null;
  nicTag: string;
  dhcp: boolean;
  ip: string;
  netmask: string;
  gateway: string;
  primary: boolean;
}

export type NicField = 'nicTag' | 'ip' | 'netmask' | 'gateway';
export type NicRowErrors = Partial<Record<NicField, string>>;

/** `10.0.0.5/24` → 255.255.255.0. */
function netmaskOfPrefix(prefix: number): string {
  const bits = prefix <= 0 ? 0 : (0xffffffff << (32 - Math.min(prefix, 32))) >>> 0;
  return [24, 16, 8, 0].map((shift) => (bits >>> shift) & 255).join('.');
}

export function nicRowsFromVm(vm: VmDetail): NicEditRow[] {
  return vmNics(vm).map((nic) => {
    const first = nic.ips[0] ?? 'dhcp';
    const dhcp = first === 'dhcp' || first === 'addrconf';
    const [ip = '', prefix] = first.split('/');
    const netmask = prefix !== undefined ? netmaskOfPrefix(Number(prefix)) : (nic.netmask ?? '');
    return {
      mac: nic.mac,
      interface: nic.interface,
      nicTag: nic.nicTag ?? '',
      dhcp,
      ip: dhcp ? '' : ip,
      netmask: dhcp ? '255.255.255.0' : netmask,
      gateway: nic.gateways[0] ?? '',
      primary: nic.primary,
    };
  });
}

export function newNicRow(primary: boolean): NicEditRow {
  return {
    mac: null,
    interface: null,
    nicTag: '',
    dhcp: true,
    ip: '',
    netmask: '255.255.255.0',
    gateway: '',
    primary,
  };
}

function specInput(row: NicEditRow): Record<string, unknown> {
  const input: Record<string, unknown> = {
    nic_tag: row.nicTag.trim(),
    ip: row.dhcp ? 'dhcp' : row.ip.trim(),
  };
  if (!row.dhcp) {
    if (row.netmask.trim()) input['netmask'] = row.netmask.trim();
    if (row.gateway.trim()) input['gateway'] = row.gateway.trim();
  }
  return input;
}

/** Each row's problems, by field, with the same rules (and words) the create wizard uses. */
export function checkNicRows(rows: readonly NicEditRow[]): NicRowErrors[] {
  return rows.map((row) => {
    const result = NicSpec.safeParse(specInput(row));
    const errors: NicRowErrors = {};
    if (result.success) return errors;
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      const field: NicField =
        key === 'nic_tag' ? 'nicTag' : key === 'netmask' || key === 'gateway' ? key : 'ip';
      errors[field] ??= issue.message;
    }
    return errors;
  });
}

function address(row: NicEditRow) {
  return nicAddressPayload(
    row.dhcp
      ? { ip: 'dhcp' }
      : { ip: row.ip.trim(), netmask: row.netmask.trim(), gateway: row.gateway.trim() || undefined },
  );
}

/**
 * What turns `original` into `rows`, as `vmadm update` keys: `add_nics` (new rows),
 * `update_nics` keyed by mac (changed address or primary), `remove_nics` (macs of removed rows).
 * Expects checked rows.
 */
export function nicChanges(
  original: readonly NicEditRow[],
  rows: readonly NicEditRow[],
  hvm: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const kept = new Set(rows.map((r) => r.mac).filter((m): m is string => m !== null));
  const removed = original.map((r) => r.mac).filter((m): m is string => m !== null && !kept.has(m));

  const added = rows
    .filter((r) => r.mac === null)
    .map((r) => ({
      nic_tag: r.nicTag.trim(),
      ...address(r),
      ...(hvm ? { model: 'virtio' } : {}),
      ...(r.primary ? { primary: true } : {}),
    }));

  const updated: Record<string, unknown>[] = [];
  for (const row of rows) {
    const before = original.find((o) => o.mac !== null && o.mac === row.mac);
    if (!before || row.mac === null) continue;
    const change: Record<string, unknown> = {};
    const a = address(row);
    const b = address(before);
    if (JSON.stringify(a.ips) !== JSON.stringify(b.ips)) change['ips'] = a.ips;
    if (JSON.stringify(a.gateways) !== JSON.stringify(b.gateways)) change['gateways'] = a.gateways;
    if (row.primary && !before.primary) change['primary'] = true;
    if (Object.keys(change).length) updated.push({ mac: row.mac, ...change });
  }

  if (added.length) out['add_nics'] = added;
  if (updated.length) out['update_nics'] = updated;
  if (removed.length) out['remove_nics'] = removed;
  return out;
}
