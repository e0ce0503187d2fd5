/**
 * Reads the column tables SmartOS tools print (zfs, zpool, imgadm, dladm, svcs, nictagadm):
 * a header of upper-case names, then rows padded to the header's columns. Nothing here knows a
 * column width: columns are found where the header and every row have blanks in common, so
 * other hosts' wider names or values read the same. When a value overflows its column (libofmt
 * and vmadm then push the rest of the row right), rows are split on blanks instead.
 */
import { parseError } from './parserSupport.js';

interface Span {
  start: number;
  end: number;
}

/** The words of a line with their positions. */
export function wordSpans(line: string): Span[] {
  const spans: Span[] = [];
  for (const m of line.matchAll(/\S+/g)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** The header's names (upper-case as printed). */
export function headerNames(header: string): string[] {
  return header.trim().split(/\s+/);
}

/**
 * Splits rows into values by the header's columns. The last column takes the rest of the
 * line (it may hold blanks: a mountpoint, `inherited from zones`, `overlay rule`).
 */
export function splitTable(header: string, rows: readonly string[], what: string): string[][] {
  const names = wordSpans(header);
  if (names.length === 0) throw parseError(`${what}: empty header`);
  const bounds = columnBounds(header, rows, names);
  return rows.map((row, index) => {
    if (bounds) return bounds.map((b, i) => row.slice(b, bounds[i + 1] ?? row.length).trim());
    const words = row.trim().split(/\s+/);
    if (words.length < names.length) {
      throw parseError(`${what} line ${index + 1}: ${words.length} values for ${names.length} columns`);
    }
    return [...words.slice(0, names.length - 1), words.slice(names.length - 1).join(' ')];
  });
}

/**
 * Start positions of the columns when every row lines up with the header, else undefined.
 * A column starts after a run of positions blank in the header and in every row; each header
 * name owns the last such start at or before it (a blank inside values, as in a dataset
 * name with a space, starts no column of its own).
 */
function columnBounds(header: string, rows: readonly string[], names: Span[]): number[] | undefined {
  const blank = (pos: number): boolean =>
    (header[pos] ?? ' ') === ' ' && rows.every((row) => (row[pos] ?? ' ') === ' ');
  const candidates: number[] = [0];
  const lastName = names[names.length - 1]?.start ?? 0;
  for (let pos = 1; pos <= lastName; pos++) {
    if (blank(pos - 1) && !blank(pos)) candidates.push(pos);
  }
  // the last column starts after the last blank run before its name
  let lastStart = lastName;
  while (lastStart > 0 && !blank(lastStart - 1)) lastStart--;
  if (!candidates.includes(lastStart)) candidates.push(lastStart);
  candidates.sort((a, b) => a - b);
  const starts = names.map((name) => {
    let best = 0;
    for (const c of candidates) if (c <= name.start) best = c;
    return best;
  });
  for (let i = 1; i < starts.length; i++) {
    const prev = starts[i - 1] ?? 0;
    const start = starts[i] ?? 0;
    const prevName = names[i - 1];
    // two names in one column, or a name running into the next column: not aligned
    if (start <= prev || !prevName || prevName.end > start) return undefined;
  }
  return starts;
}

/** Non-blank lines; the first is the header when `header` is true. */
export function tableLines(lines: readonly string[]): string[] {
  return lines.filter((line) => line.trim() !== '');
}
