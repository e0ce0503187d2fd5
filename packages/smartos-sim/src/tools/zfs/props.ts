// The zfs dataset properties the simulator knows, in `zfs get all` order (illumos zfs_prop.c),
// and how each one's value and source are derived from the state.
import type { DatasetSpace } from '../../state/zfsAccounting.js';
import {
  effectiveProp,
  parentOf,
  type DatasetRecord,
  type DatasetType,
  type ZfsState,
} from '../../state/zfsStore.js';
import { creationText, nicenum, ratioText } from './format.js';

type Kind = 'number' | 'index' | 'string';
type Applies = 'all' | 'fs' | 'vol' | 'fsvol' | 'fssnap';

export interface PropDef {
  name: string;
  column: string;
  kind: Kind;
  applies: Applies;
  /** computed, read-only: source `-` */
  readonly?: true;
  /** inherited from the parent when not set */
  inherit?: true;
  /** raw default value */
  def?: string;
  /** index values (width of the VALUE column is the longest) */
  values?: readonly string[];
  /** printed as a plain integer even without -p (guid, createtxg) */
  plain?: true;
  /** 0 prints `none` without -p */
  zeroNone?: true;
}

const ONOFF = ['on', 'off'] as const;

export const ZFS_PROPS: readonly PropDef[] = [
  { name: 'type', column: 'TYPE', kind: 'string', applies: 'all', readonly: true },
  { name: 'creation', column: 'CREATION', kind: 'number', applies: 'all', readonly: true },
  { name: 'used', column: 'USED', kind: 'number', applies: 'all', readonly: true },
  { name: 'available', column: 'AVAIL', kind: 'number', applies: 'fsvol', readonly: true },
  { name: 'referenced', column: 'REFER', kind: 'number', applies: 'all', readonly: true },
  { name: 'compressratio', column: 'RATIO', kind: 'number', applies: 'all', readonly: true },
  { name: 'mounted', column: 'MOUNTED', kind: 'index', applies: 'fs', readonly: true, values: ['yes', 'no'] },
  { name: 'origin', column: 'ORIGIN', kind: 'string', applies: 'fsvol', readonly: true },
  { name: 'quota', column: 'QUOTA', kind: 'number', applies: 'fs', def: '0', zeroNone: true },
  { name: 'reservation', column: 'RESERV', kind: 'number', applies: 'fsvol', def: '0', zeroNone: true },
  { name: 'volsize', column: 'VOLSIZE', kind: 'number', applies: 'vol' },
  { name: 'volblocksize', column: 'VOLBLOCK', kind: 'number', applies: 'vol', def: '8192' },
  { name: 'recordsize', column: 'RECSIZE', kind: 'number', applies: 'fs', inherit: true, def: '131072' },
  { name: 'mountpoint', column: 'MOUNTPOINT', kind: 'string', applies: 'fs', inherit: true },
  { name: 'sharenfs', column: 'SHARENFS', kind: 'string', applies: 'fs', inherit: true, def: 'off' },
  {
    name: 'checksum',
    column: 'CHECKSUM',
    kind: 'index',
    applies: 'fsvol',
    inherit: true,
    def: 'on',
    values: ['on', 'off', 'fletcher2', 'fletcher4', 'sha256', 'noparity', 'sha512', 'skein', 'edonr'],
  },
  {
    name: 'compression',
    column: 'COMPRESS',
    kind: 'index',
    applies: 'fsvol',
    inherit: true,
    def: 'off',
    values: ['on', 'off', 'lzjb', 'gzip', 'gzip-1', 'gzip-9', 'zle', 'lz4'],
  },
  { name: 'atime', column: 'ATIME', kind: 'index', applies: 'fs', inherit: true, def: 'on', values: ONOFF },
  {
    name: 'devices',
    column: 'DEVICES',
    kind: 'index',
    applies: 'fssnap',
    inherit: true,
    def: 'on',
    values: ONOFF,
  },
  { name: 'exec', column: 'EXEC', kind: 'index', applies: 'fssnap', inherit: true, def: 'on', values: ONOFF },
  {
    name: 'setuid',
    column: 'SETUID',
    kind: 'index',
    applies: 'fssnap',
    inherit: true,
    def: 'on',
    values: ONOFF,
  },
  {
    name: 'readonly',
    column: 'RDONLY',
    kind: 'index',
    applies: 'fsvol',
    inherit: true,
    def: 'off',
    values: ONOFF,
  },
  { name: 'zoned', column: 'ZONED', kind: 'index', applies: 'fs', inherit: true, def: 'off', values: ONOFF },
  {
    name: 'snapdir',
    column: 'SNAPDIR',
    kind: 'index',
    applies: 'fs',
    inherit: true,
    def: 'hidden',
    values: ['hidden', 'visible'],
  },
  {
    name: 'aclmode',
    column: 'ACLMODE',
    kind: 'index',
    applies: 'fs',
    inherit: true,
    def: 'discard',
    values: ['discard', 'groupmask', 'passthrough', 'restricted'],
  },
  {
    name: 'aclinherit',
    column: 'ACLINHERIT',
    kind: 'index',
    applies: 'fs',
    inherit: true,
    def: 'restricted',
    values: ['discard', 'noallow', 'restricted', 'passthrough', 'passthrough-x'],
  },
  { name: 'createtxg', column: 'CREATETXG', kind: 'number', applies: 'all', readonly: true, plain: true },
  {
    name: 'canmount',
    column: 'CANMOUNT',
    kind: 'index',
    applies: 'fs',
    def: 'on',
    values: ['on', 'off', 'noauto'],
  },
  {
    name: 'xattr',
    column: 'XATTR',
    kind: 'index',
    applies: 'fssnap',
    inherit: true,
    def: 'on',
    values: ONOFF,
  },
  {
    name: 'copies',
    column: 'COPIES',
    kind: 'index',
    applies: 'fsvol',
    inherit: true,
    def: '1',
    values: ['1', '2', '3'],
  },
  { name: 'version', column: 'VERSION', kind: 'number', applies: 'fssnap', readonly: true, plain: true },
  { name: 'utf8only', column: 'UTF8ONLY', kind: 'index', applies: 'fssnap', readonly: true, values: ONOFF },
  {
    name: 'normalization',
    column: 'NORMALIZATION',
    kind: 'index',
    applies: 'fssnap',
    readonly: true,
    values: ['none', 'formC', 'formD', 'formKC', 'formKD'],
  },
  {
    name: 'casesensitivity',
    column: 'CASE',
    kind: 'index',
    applies: 'fssnap',
    readonly: true,
    values: ['sensitive', 'insensitive', 'mixed'],
  },
  { name: 'vscan', column: 'VSCAN', kind: 'index', applies: 'fs', inherit: true, def: 'off', values: ONOFF },
  {
    name: 'nbmand',
    column: 'NBMAND',
    kind: 'index',
    applies: 'fssnap',
    inherit: true,
    def: 'off',
    values: ONOFF,
  },
  { name: 'sharesmb', column: 'SHARESMB', kind: 'string', applies: 'fs', inherit: true, def: 'off' },
  { name: 'refquota', column: 'REFQUOTA', kind: 'number', applies: 'fs', def: '0', zeroNone: true },
  { name: 'refreservation', column: 'REFRESERV', kind: 'number', applies: 'fsvol', def: '0', zeroNone: true },
  { name: 'guid', column: 'GUID', kind: 'number', applies: 'all', readonly: true, plain: true },
  {
    name: 'primarycache',
    column: 'PRIMARYCACHE',
    kind: 'index',
    applies: 'all',
    inherit: true,
    def: 'all',
    values: ['none', 'metadata', 'all'],
  },
  {
    name: 'secondarycache',
    column: 'SECONDARYCACHE',
    kind: 'index',
    applies: 'all',
    inherit: true,
    def: 'all',
    values: ['none', 'metadata', 'all'],
  },
  { name: 'usedbysnapshots', column: 'USEDSNAP', kind: 'number', applies: 'fsvol', readonly: true },
  { name: 'usedbydataset', column: 'USEDDS', kind: 'number', applies: 'fsvol', readonly: true },
  { name: 'usedbychildren', column: 'USEDCHILD', kind: 'number', applies: 'fsvol', readonly: true },
  { name: 'usedbyrefreservation', column: 'USEDREFRESERV', kind: 'number', applies: 'fsvol', readonly: true },
  {
    name: 'logbias',
    column: 'LOGBIAS',
    kind: 'index',
    applies: 'fsvol',
    inherit: true,
    def: 'latency',
    values: ['latency', 'throughput'],
  },
  {
    name: 'dedup',
    column: 'DEDUP',
    kind: 'index',
    applies: 'fsvol',
    inherit: true,
    def: 'off',
    values: [
      'on',
      'off',
      'verify',
      'sha256',
      'sha256,verify',
      'sha512',
      'sha512,verify',
      'skein',
      'skein,verify',
      'edonr,verify',
    ],
  },
  {
    name: 'sync',
    column: 'SYNC',
    kind: 'index',
    applies: 'fsvol',
    inherit: true,
    def: 'standard',
    values: ['standard', 'always', 'disabled'],
  },
  { name: 'refcompressratio', column: 'REFRATIO', kind: 'number', applies: 'all', readonly: true },
  { name: 'written', column: 'WRITTEN', kind: 'number', applies: 'all', readonly: true },
  { name: 'logicalused', column: 'LUSED', kind: 'number', applies: 'all', readonly: true },
  { name: 'logicalreferenced', column: 'LREFER', kind: 'number', applies: 'all', readonly: true },
  {
    name: 'redundant_metadata',
    column: 'REDUND_MD',
    kind: 'index',
    applies: 'fsvol',
    inherit: true,
    def: 'all',
    values: ['all', 'most'],
  },
  // columns only (zfs list -o name)
  { name: 'name', column: 'NAME', kind: 'string', applies: 'all', readonly: true },
];

// libzfs propname_match: a property is named by its name or its column name in lower case
const BY_NAME = new Map<string, PropDef>();
for (const p of ZFS_PROPS) BY_NAME.set(p.column.toLowerCase(), p);
for (const p of ZFS_PROPS) BY_NAME.set(p.name, p);

export function findProp(name: string): PropDef | undefined {
  return BY_NAME.get(name);
}

export function appliesTo(p: PropDef, type: DatasetType): boolean {
  switch (p.applies) {
    case 'all':
      return true;
    case 'fs':
      return type === 'filesystem';
    case 'vol':
      return type === 'volume';
    case 'fsvol':
      return type !== 'snapshot';
    case 'fssnap':
      return type !== 'volume';
  }
}

/** Width of the VALUE/column for a property before values are seen (libzfs zprop_width). */
export function fixedWidth(p: PropDef): { width: number; fixed: boolean } {
  let wid = p.column.length;
  if (p.kind === 'number') {
    if (wid < 5) wid = 5;
    return { width: wid, fixed: p.name !== 'creation' && p.plain !== true };
  }
  if (p.kind === 'index') {
    for (const v of p.values ?? []) wid = Math.max(wid, v.length);
    return { width: wid, fixed: true };
  }
  return { width: wid, fixed: false };
}

export interface PropValue {
  value: string;
  /** `local`, `default`, `inherited from X`, `-` */
  source: string;
}

export interface PropContext {
  z: ZfsState;
  ds: DatasetRecord;
  space: DatasetSpace | undefined;
  parsable: boolean;
}

function sizeText(n: number, ctx: PropContext): string {
  return ctx.parsable ? String(n) : nicenum(n);
}

function mountpointOf(ctx: PropContext): PropValue {
  const { z, ds } = ctx;
  const found = effectiveProp(z, ds.name, 'mountpoint');
  if (found === undefined) return { value: `/${ds.name}`, source: 'default' };
  const { value, from } = found;
  const source = from === ds.name ? 'local' : `inherited from ${from}`;
  if (value === 'legacy' || value === 'none' || from === ds.name) return { value, source };
  const rel = ds.name.slice(from.length);
  return { value: value === '/' ? rel : `${value}${rel}`, source };
}

/** A property's value and source on a dataset; undefined when it does not apply. */
export function propValue(p: PropDef, ctx: PropContext): PropValue | undefined {
  const { z, ds, space } = ctx;
  if (p.name === 'name') return { value: ds.name, source: '-' };
  if (!appliesTo(p, ds.type)) return undefined;
  const ro = (value: string): PropValue => ({ value, source: '-' });
  switch (p.name) {
    case 'type':
      return ro(ds.type);
    case 'creation':
      return ro(ctx.parsable ? String(ds.creation) : creationText(ds.creation));
    case 'used':
      return ro(sizeText(space?.used ?? 0, ctx));
    case 'available':
      return ro(space?.available === undefined ? '-' : sizeText(space.available, ctx));
    case 'referenced':
      return ro(sizeText(space?.referenced ?? 0, ctx));
    case 'compressratio':
      return ro(ratioText(space?.compressratio ?? 100));
    case 'refcompressratio':
      return ro(ratioText(space?.refcompressratio ?? 100));
    case 'mounted':
      return ro(mountpointOf(ctx).value.startsWith('/') ? 'yes' : 'no');
    case 'origin':
      return ro(ds.origin ?? '-');
    case 'createtxg':
      return ro(String(ds.createtxg));
    case 'guid':
      return ro(ds.guid);
    case 'version':
      return ro('5');
    case 'utf8only':
      return ro('off');
    case 'normalization':
      return ro('none');
    case 'casesensitivity':
      return ro('sensitive');
    case 'usedbysnapshots':
      return ro(sizeText(space?.usedbysnapshots ?? 0, ctx));
    case 'usedbydataset':
      return ro(sizeText(space?.usedbydataset ?? 0, ctx));
    case 'usedbychildren':
      return ro(sizeText(space?.usedbychildren ?? 0, ctx));
    case 'usedbyrefreservation':
      return ro(sizeText(space?.usedbyrefreservation ?? 0, ctx));
    case 'written':
      return ro(sizeText(space?.written ?? 0, ctx));
    case 'logicalused':
      return ro(sizeText(space?.logicalused ?? 0, ctx));
    case 'logicalreferenced':
      return ro(sizeText(space?.logicalreferenced ?? 0, ctx));
    case 'mountpoint':
      return mountpointOf(ctx);
    default:
      break;
  }
  // settable properties: local, inherited or default; snapshots inherit from their dataset
  const own = ds.props[p.name];
  let raw: string | undefined;
  let source: string;
  if (own !== undefined) {
    raw = own;
    source = 'local';
  } else if (p.inherit === true) {
    const start = parentOf(ds.name);
    const found = start === undefined ? undefined : effectiveProp(z, start, p.name);
    if (found !== undefined) {
      raw = found.value;
      source = `inherited from ${found.from}`;
    } else {
      source = 'default';
    }
  } else {
    source = 'default';
  }
  raw ??= p.def ?? '-';
  if (p.kind === 'number') {
    if (raw === 'none') raw = '0';
    const n = Number(raw);
    if (!ctx.parsable && p.zeroNone === true && n === 0) return { value: 'none', source };
    return { value: sizeText(n, ctx), source };
  }
  return { value: raw, source };
}
