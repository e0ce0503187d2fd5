// tabula (node-tabula, as bundled with imgadm): a table of objects, each non-last column
// `%-<width>s` + two blanks, the last unpadded; null/undefined print '-' (and do not widen the
// column); objects print as JSON. Sorting compares numerically when both values are numbers.
import type { JsonValue } from '../../state/json.js';

export type Row = Record<string, JsonValue | undefined>;

function cell(row: Row, lookup: string): string | undefined {
  const v = row[lookup];
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

function compare(a: Row, b: Row, fields: readonly string[]): number {
  for (const spec of fields) {
    const invert = spec.startsWith('-');
    const field = invert ? spec.slice(1) : spec;
    const av = a[field];
    const bv = b[field];
    const an = Number(av);
    const bn = Number(bv);
    const numeric = !Number.isNaN(an) && !Number.isNaN(bn);
    const x = numeric ? an : av;
    const y = numeric ? bn : bv;
    if (x === undefined && y === undefined) continue;
    if (x === undefined) return invert ? 1 : -1;
    if (y === undefined) return invert ? -1 : 1;
    if (x === null || y === null || typeof x === 'object' || typeof y === 'object') {
      const xs = JSON.stringify(x);
      const ys = JSON.stringify(y);
      if (xs < ys) return invert ? 1 : -1;
      if (xs > ys) return invert ? -1 : 1;
      continue;
    }
    if (x < y) return invert ? 1 : -1;
    if (x > y) return invert ? -1 : 1;
  }
  return 0;
}

/** Sorts in place, as tabula.sortArrayOfObjects (stable). */
export function sortRows<T extends Row>(rows: T[], fields: readonly string[]): T[] {
  return rows.sort((a, b) => compare(a, b, fields));
}

export interface TabulaOptions {
  columns: readonly string[];
  skipHeader?: boolean;
  sort?: readonly string[];
}

/** The table text ('' for no rows), every line ending in a newline. */
export function tabula(rows: Row[], opts: TabulaOptions): string {
  if (rows.length === 0) return '';
  const cols = opts.columns;
  const widths = cols.map((c) => c.toUpperCase().length);
  for (const row of rows)
    cols.forEach((c, i) => {
      const v = cell(row, c);
      if (v !== undefined) widths[i] = Math.max(widths[i] ?? 0, v.length);
    });
  if (opts.sort && opts.sort.length > 0) sortRows(rows, opts.sort);
  const line = (values: readonly string[]): string =>
    values.map((v, i) => (i === values.length - 1 ? v : `${v.padEnd(widths[i] ?? 0)}  `)).join('');
  const lines: string[] = [];
  if (opts.skipHeader !== true) lines.push(line(cols.map((c) => c.toUpperCase())));
  for (const row of rows) lines.push(line(cols.map((c) => cell(row, c) ?? '-')));
  return `${lines.join('\n')}\n`;
}
