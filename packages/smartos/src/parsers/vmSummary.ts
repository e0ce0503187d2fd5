/** Maps `vmadm list -p` rows to the VmSummary model. */
import { VmBrand, VmState, type VmSummary } from '../model/vm.js';
import { parseError } from './parserSupport.js';
import type { VmadmListRow } from './vmadmList.js';

/**
 * One `vmadm list -p` row (with uuid, brand, state, ram, cpu_cap, quota, image_uuid, alias)
 * → VmSummary. vmadm prints 0 as missing, so an uncapped CPU
 * (cpu_cap 0 or unset) and an unlimited quota (0 or unset) both come back null.
 */
export function rowToVmSummary(row: VmadmListRow): VmSummary {
  const uuid = row['uuid'];
  if (!uuid) throw rowError('a VM without a uuid', row);
  const brand = VmBrand.safeParse(row['brand']);
  if (!brand.success) throw rowError(`unknown brand ${JSON.stringify(row['brand'])}`, row);
  const state = VmState.safeParse(row['state']);
  if (!state.success) throw rowError(`unknown state ${JSON.stringify(row['state'])}`, row);
  return {
    uuid,
    alias: row['alias'] ?? null,
    brand: brand.data,
    state: state.data,
    ramMiB: count(row['ram'], 'ram', row) ?? 0,
    cpuCap: zeroIsNull(count(row['cpu_cap'], 'cpu_cap', row)),
    quotaGiB: zeroIsNull(count(row['quota'], 'quota', row)),
    imageUuid: row['image_uuid'] ?? null,
  };
}

function count(value: string | null | undefined, field: string, row: VmadmListRow): number | null {
  if (value === null || value === undefined) return null;
  if (!/^\d+$/.test(value)) throw rowError(`${field} is not a whole number: ${JSON.stringify(value)}`, row);
  return Number(value);
}

function zeroIsNull(n: number | null): number | null {
  return n === 0 ? null : n;
}

function rowError(what: string, row: VmadmListRow) {
  return parseError(`vmadm list: ${what} (uuid ${row['uuid'] ?? '?'})`);
}
