/**
 * zpool(8) output: `list` (-H -p -o ... and the table), `get`, `status [-v] [-D]` and
 * `iostat [-v]`. Formats from illumos zpool_main.c; nothing here assumes a pool or device name.
 */
import type { PoolIostat, PoolListEntry, PoolStatus, PropertyRow } from '../model/zpool.js';
import { parseHumanSize, parsePercent, parseRatio } from './humanSize.js';
import { outputLines, parseError } from './parserSupport.js';
import { parsePropertyGet, type PropertyGetOptions } from './propertyGet.js';
import { splitTable } from './textTable.js';

export { parseZpoolStatus } from './zpoolStatus.js';
export type { PoolStatus };

/** Columns of the default `zpool list` (illumos with checkpoints). */
export const ZPOOL_LIST_DEFAULT_FIELDS = [
  'name',
  'size',
  'alloc',
  'free',
  'ckpoint',
  'expandsz',
  'frag',
  'cap',
  'dedup',
  'health',
  'altroot',
] as const;

type Setter = (entry: PoolListEntry, value: string) => void;
const size =
  (key: 'sizeBytes' | 'allocatedBytes' | 'freeBytes' | 'checkpointBytes' | 'expandSizeBytes'): Setter =>
  (e, v) => {
    e[key] = parseHumanSize(v);
  };
const percent =
  (key: 'fragmentationPercent' | 'capacityPercent'): Setter =>
  (e, v) => {
    e[key] = parsePercent(v);
  };
const dedup: Setter = (e, v) => {
  e.dedupRatio = parseRatio(v);
};

/** Column or property name (either spelling) → where its value goes. */
const SETTERS: Readonly<Record<string, Setter>> = {
  size: size('sizeBytes'),
  alloc: size('allocatedBytes'),
  allocated: size('allocatedBytes'),
  free: size('freeBytes'),
  ckpoint: size('checkpointBytes'),
  checkpoint: size('checkpointBytes'),
  expandsz: size('expandSizeBytes'),
  expandsize: size('expandSizeBytes'),
  frag: percent('fragmentationPercent'),
  fragmentation: percent('fragmentationPercent'),
  cap: percent('capacityPercent'),
  capacity: percent('capacityPercent'),
  dedup,
  dedupratio: dedup,
  health: (e, v) => {
    e.health = v;
  },
  altroot: (e, v) => {
    e.altroot = v === '-' ? null : v;
  },
};

function toEntry(fields: readonly string[], values: readonly string[], line: number): PoolListEntry {
  if (values.length !== fields.length) {
    throw parseError(`zpool list line ${line}: ${values.length} values for ${fields.length} columns`);
  }
  const raw: Record<string, string> = {};
  fields.forEach((field, i) => (raw[field] = values[i] ?? ''));
  const entry: PoolListEntry = { name: raw.name ?? '', raw };
  if (!Object.hasOwn(raw, 'name')) throw parseError('zpool list: the name column is needed');
  for (const [field, value] of Object.entries(raw)) {
    if (Object.hasOwn(SETTERS, field)) SETTERS[field]?.(entry, value);
  }
  return entry;
}

/** `zpool list -H [-p] -o <fields>`: tab-separated, no header. */
export function parseZpoolListParsable(stdout: string, fields: readonly string[]): PoolListEntry[] {
  return outputLines(stdout)
    .filter((line) => line !== '')
    .map((line, i) => toEntry(fields, line.split('\t'), i + 1));
}

/** `zpool list [-o ...]`: the table with its header (column names are read from it). */
export function parseZpoolListTable(stdout: string): PoolListEntry[] {
  const lines = outputLines(stdout).filter((line) => line.trim() !== '');
  const header = lines[0];
  if (header === undefined) return [];
  const fields = header
    .trim()
    .split(/\s+/)
    .map((h) => h.toLowerCase());
  return splitTable(header, lines.slice(1), 'zpool list').map((values, i) => toEntry(fields, values, i + 2));
}

/** `zpool get [-H] [-p] [-o ...] <props> [pool]`. */
export function parseZpoolGet(stdout: string, opts: PropertyGetOptions = {}): PropertyRow[] {
  return parsePropertyGet(stdout, 'zpool get', opts);
}

/**
 * `zpool iostat [-v] [pool]` (one interval): pools with their devices as a tree, read from
 * the name column's indentation (two blanks per level).
 */
export function parseZpoolIostat(stdout: string): PoolIostat[] {
  const roots: PoolIostat[] = [];
  const stack: { indent: number; node: PoolIostat }[] = [];
  for (const line of outputLines(stdout)) {
    const trimmed = line.trim();
    if (trimmed === '' || /^-+(\s+-+)*$/.test(trimmed)) continue;
    if (/^capacity\s+operations\s+bandwidth$/.test(trimmed) || /\balloc\s+free\s+read\s+write/.test(trimmed))
      continue;
    const indent = line.length - line.trimStart().length;
    const words = trimmed.split(/\s+/);
    if (words.length !== 7) throw parseError(`zpool iostat: cannot read ${JSON.stringify(line)}`);
    const [name = '', ...stats] = words;
    const [alloc, free, rops, wops, rbw, wbw] = stats.map((s) => parseHumanSize(s));
    const node: PoolIostat = {
      name,
      allocatedBytes: alloc ?? null,
      freeBytes: free ?? null,
      readOps: rops ?? null,
      writeOps: wops ?? null,
      readBytesPerSec: rbw ?? null,
      writeBytesPerSec: wbw ?? null,
      children: [],
    };
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ indent, node });
  }
  return roots;
}
