// Which pools a zpool command covers: the named ones (`cannot open 'x': no such pool`) or all.
import type { PoolRecord, ZfsState } from '../../state/zfsStore.js';

export function selectPools(
  z: ZfsState,
  names: readonly string[],
): { pools: PoolRecord[]; errors: string[] } {
  if (names.length === 0) {
    return { pools: Object.values(z.pools).sort((a, b) => (a.name < b.name ? -1 : 1)), errors: [] };
  }
  const pools: PoolRecord[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const pool = Object.hasOwn(z.pools, name) ? z.pools[name] : undefined;
    if (pool === undefined) errors.push(`cannot open '${name}': no such pool`);
    else pools.push(pool);
  }
  return { pools, errors };
}
