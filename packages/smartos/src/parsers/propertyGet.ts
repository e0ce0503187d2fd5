/**
 * `zfs get` and `zpool get` (one printer in libzfs, zprop_print_one_property): with -H the
 * columns are tab-separated; without, a header and padded columns, the last one (SOURCE,
 * which may read `inherited from zones`) taking the rest of the line.
 */
import type { PropertyRow } from '../model/zpool.js';
import { outputLines, parseError } from './parserSupport.js';
import { splitTable } from './textTable.js';

export const PROPERTY_GET_DEFAULT_FIELDS = ['name', 'property', 'value', 'source'] as const;

export interface PropertyGetOptions {
  /** The `-o` columns, for -H output. Default: name,property,value,source. */
  fields?: readonly string[];
}

/** Parses `zfs get` / `zpool get`, tabbed (-H) or as the table; detected from the first line. */
export function parsePropertyGet(stdout: string, what: string, opts: PropertyGetOptions = {}): PropertyRow[] {
  const lines = outputLines(stdout).filter((line) => line.trim() !== '');
  const first = lines[0];
  if (first === undefined) return [];
  const tabbed = first.includes('\t') || opts.fields !== undefined;
  let fields: readonly string[];
  let rows: string[][];
  if (tabbed) {
    fields = opts.fields ?? PROPERTY_GET_DEFAULT_FIELDS;
    rows = lines.map((line) => line.split('\t'));
  } else {
    fields = first
      .trim()
      .split(/\s+/)
      .map((h) => h.toLowerCase());
    rows = splitTable(first, lines.slice(1), what);
  }
  return rows.map((values, index) => {
    if (values.length !== fields.length) {
      throw parseError(`${what} line ${index + 1}: ${values.length} values for ${fields.length} columns`);
    }
    const get = (field: string): string => values[fields.indexOf(field)] ?? '';
    return { name: get('name'), property: get('property'), value: get('value'), source: get('source') };
  });
}
