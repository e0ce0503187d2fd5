// zpool properties (illumos zpool_prop.c order) and their values for `zpool list/get`.
import type { PoolSpace } from '../../state/zfsAccounting.js';
import { poolHealth } from '../../state/zfsPool.js';
import type { PoolRecord } from '../../state/zfsStore.js';
import { nicenum, ratioText } from '../zfs/format.js';

export interface PoolPropDef {
  name: string;
  column: string;
  number: boolean;
  readonly: boolean;
  def?: string;
  /** index values: VALUE width is the longest */
  values?: readonly string[];
}

export const POOL_PROPS: readonly PoolPropDef[] = [
  { name: 'name', column: 'NAME', number: false, readonly: true },
  { name: 'size', column: 'SIZE', number: true, readonly: true },
  { name: 'capacity', column: 'CAP', number: true, readonly: true },
  { name: 'altroot', column: 'ALTROOT', number: false, readonly: false, def: '-' },
  { name: 'health', column: 'HEALTH', number: false, readonly: true },
  { name: 'guid', column: 'GUID', number: true, readonly: true },
  { name: 'version', column: 'VERSION', number: true, readonly: false, def: '-' },
  { name: 'bootfs', column: 'BOOTFS', number: false, readonly: false, def: '-' },
  {
    name: 'delegation',
    column: 'DELEGATION',
    number: false,
    readonly: false,
    def: 'on',
    values: ['on', 'off'],
  },
  {
    name: 'autoreplace',
    column: 'REPLACE',
    number: false,
    readonly: false,
    def: 'off',
    values: ['on', 'off'],
  },
  { name: 'cachefile', column: 'CACHEFILE', number: false, readonly: false, def: '-' },
  {
    name: 'failmode',
    column: 'FAILMODE',
    number: false,
    readonly: false,
    def: 'wait',
    values: ['wait', 'continue', 'panic'],
  },
  {
    name: 'listsnapshots',
    column: 'LISTSNAPS',
    number: false,
    readonly: false,
    def: 'off',
    values: ['on', 'off'],
  },
  { name: 'autoexpand', column: 'EXPAND', number: false, readonly: false, def: 'off', values: ['on', 'off'] },
  { name: 'dedupditto', column: 'DEDUPDITTO', number: true, readonly: false, def: '0' },
  { name: 'dedupratio', column: 'DEDUP', number: true, readonly: true },
  { name: 'free', column: 'FREE', number: true, readonly: true },
  { name: 'allocated', column: 'ALLOC', number: true, readonly: true },
  { name: 'readonly', column: 'RDONLY', number: false, readonly: true, values: ['on', 'off'] },
  { name: 'comment', column: 'COMMENT', number: false, readonly: false, def: '-' },
  { name: 'expandsize', column: 'EXPANDSZ', number: true, readonly: true },
  { name: 'freeing', column: 'FREEING', number: true, readonly: true },
  { name: 'fragmentation', column: 'FRAG', number: true, readonly: true },
  { name: 'leaked', column: 'LEAKED', number: true, readonly: true },
  { name: 'bootsize', column: 'BOOTSIZE', number: true, readonly: false, def: '-' },
  { name: 'checkpoint', column: 'CKPOINT', number: true, readonly: true },
];

const BY_NAME = new Map<string, PoolPropDef>();
for (const p of POOL_PROPS) BY_NAME.set(p.column.toLowerCase(), p);
for (const p of POOL_PROPS) BY_NAME.set(p.name, p);

export function findPoolProp(name: string): PoolPropDef | undefined {
  return BY_NAME.get(name);
}

export function poolPropWidth(p: PoolPropDef): { width: number; fixed: boolean } {
  let wid = p.column.length;
  if (p.number) return { width: Math.max(5, wid), fixed: p.name !== 'guid' };
  if (p.values !== undefined) {
    for (const v of p.values) wid = Math.max(wid, v.length);
    return { width: wid, fixed: true };
  }
  return { width: wid, fixed: false };
}

/** zpool_get_prop: value and source of a pool property. */
export function poolPropValue(
  p: PoolPropDef,
  pool: PoolRecord,
  space: PoolSpace,
  parsable: boolean,
): { value: string; source: string } {
  const size = (n: number): string => (parsable ? String(n) : nicenum(n));
  const ro = (value: string): { value: string; source: string } => ({ value, source: '-' });
  switch (p.name) {
    case 'name':
      return ro(pool.name);
    case 'size':
      return ro(size(space.size));
    case 'allocated':
      return ro(size(space.alloc));
    case 'free':
      return ro(size(space.free));
    case 'capacity':
      return ro(parsable ? String(space.capacity) : `${space.capacity}%`);
    case 'fragmentation':
      return ro(`${pool.fragPercent}%`);
    case 'dedupratio':
      return ro(ratioText(space.dedupratio));
    case 'health':
      return ro(poolHealth(pool));
    case 'guid':
      return ro(pool.guid);
    case 'checkpoint':
    case 'expandsize':
      return ro('-');
    case 'freeing':
    case 'leaked':
      return ro('0');
    case 'readonly':
      return ro('off');
    default: {
      const local = pool.props[p.name];
      if (local !== undefined) return { value: local, source: 'local' };
      return { value: p.def ?? '-', source: 'default' };
    }
  }
}
