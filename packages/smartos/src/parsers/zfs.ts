/**
 * zfs(8) output: `list` (-H -p -o ..., including -t snapshot with creation, and the table)
 * and `get` (-H -p -o name,property,value,source, and the table). Formats from illumos
 * zfs_main.c and libzfs; compressratio keeps its `x` even with -p.
 */
import type { ZfsDataset } from '../model/zfs.js';
import type { PropertyRow } from '../model/zpool.js';
import { parseHumanSize, parseRatio } from './humanSize.js';
import { outputLines, parseError } from './parserSupport.js';
import { parsePropertyGet, type PropertyGetOptions } from './propertyGet.js';
import { splitTable } from './textTable.js';

/** Columns of the default `zfs list`. */
export const ZFS_LIST_DEFAULT_FIELDS = ['name', 'used', 'avail', 'refer', 'mountpoint'] as const;

/** Table headers whose property name differs from the lower-cased header. */
const HEADER_FIELDS: Readonly<Record<string, string>> = {
  RATIO: 'compressratio',
  LUSED: 'logicalused',
  LREFER: 'logicalreferenced',
  VOLSIZE: 'volsize',
  REFRATIO: 'refcompressratio',
};

type SizeKey =
  'usedBytes' | 'availableBytes' | 'referencedBytes' | 'logicalUsedBytes' | 'quotaBytes' | 'volsizeBytes';
type Setter = (d: ZfsDataset, value: string) => void;
const size =
  (key: SizeKey): Setter =>
  (d, v) => {
    d[key] = parseHumanSize(v);
  };

const SETTERS: Readonly<Record<string, Setter>> = {
  type: (d, v) => {
    d.type = v;
  },
  used: size('usedBytes'),
  avail: size('availableBytes'),
  available: size('availableBytes'),
  refer: size('referencedBytes'),
  referenced: size('referencedBytes'),
  logicalused: size('logicalUsedBytes'),
  quota: (d, v) => {
    // quota 0 (-p) and none both mean no quota
    const bytes = parseHumanSize(v);
    d.quotaBytes = bytes === 0 ? null : bytes;
  },
  volsize: size('volsizeBytes'),
  mountpoint: (d, v) => {
    d.mountpoint = v === '-' ? null : v;
  },
  compressratio: (d, v) => {
    d.compressRatio = parseRatio(v);
  },
  creation: (d, v) => {
    d.creation = /^\d+$/.test(v) ? new Date(Number(v) * 1000).toISOString() : null;
  },
  origin: (d, v) => {
    d.origin = v === '-' ? null : v;
  },
};

function toDataset(fields: readonly string[], values: readonly string[], line: number): ZfsDataset {
  if (values.length !== fields.length) {
    throw parseError(`zfs list line ${line}: ${values.length} values for ${fields.length} columns`);
  }
  const raw: Record<string, string> = {};
  fields.forEach((field, i) => (raw[field] = values[i] ?? ''));
  if (!Object.hasOwn(raw, 'name')) throw parseError('zfs list: the name column is needed');
  const dataset: ZfsDataset = { name: raw.name ?? '', raw };
  for (const [field, value] of Object.entries(raw)) {
    if (Object.hasOwn(SETTERS, field)) SETTERS[field]?.(dataset, value);
  }
  return dataset;
}

/** `zfs list -H [-p] [-t ...] -o <fields>`: tab-separated, no header. */
export function parseZfsListParsable(stdout: string, fields: readonly string[]): ZfsDataset[] {
  return outputLines(stdout)
    .filter((line) => line !== '')
    .map((line, i) => toDataset(fields, line.split('\t'), i + 1));
}

/** `zfs list [-o ...]`: the table; its columns are read from the header. */
export function parseZfsListTable(stdout: string): ZfsDataset[] {
  const lines = outputLines(stdout).filter((line) => line.trim() !== '');
  const header = lines[0];
  if (header === undefined || /^no datasets available/.test(header)) return [];
  const fields = header
    .trim()
    .split(/\s+/)
    .map((h) => HEADER_FIELDS[h] ?? h.toLowerCase());
  return splitTable(header, lines.slice(1), 'zfs list').map((values, i) => toDataset(fields, values, i + 2));
}

/** `zfs get [-H] [-p] [-o ...] <props> [dataset ...]`. */
export function parseZfsGet(stdout: string, opts: PropertyGetOptions = {}): PropertyRow[] {
  return parsePropertyGet(stdout, 'zfs get', opts);
}

/** `zfs get` rows grouped: dataset → property → {value, source}. */
export function zfsPropertyMap(
  rows: readonly PropertyRow[],
): Record<string, Record<string, { value: string; source: string }>> {
  const out: Record<string, Record<string, { value: string; source: string }>> = {};
  for (const row of rows) {
    const props = (out[row.name] ??= {});
    props[row.property] = { value: row.value, source: row.source };
  }
  return out;
}
