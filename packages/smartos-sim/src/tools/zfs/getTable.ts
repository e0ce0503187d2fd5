// The `zfs get` / `zpool get` printer (libzfs zprop_print_one_property + zprop_print_headers):
// `-H`: TAB between fields; otherwise NAME PROPERTY VALUE [RECEIVED] SOURCE columns, each
// non-last one padded to its width plus two spaces.

export type GetField = 'name' | 'property' | 'value' | 'received' | 'source';

export interface GetRow {
  name: string;
  property: string;
  value: string;
  source: string;
}

const HEADERS: Readonly<Record<GetField, string>> = {
  name: 'NAME',
  property: 'PROPERTY',
  value: 'VALUE',
  received: 'RECEIVED',
  source: 'SOURCE',
};

export function parseGetFields(text: string): GetField[] | string {
  if (text === 'all') return ['name', 'property', 'value', 'received', 'source'];
  const out: GetField[] = [];
  for (const word of text.split(',')) {
    if (!Object.hasOwn(HEADERS, word)) return word;
    out.push(word as GetField);
  }
  return out;
}

/**
 * `valueWidth`: the widest zprop_width of the requested properties (values of non-fixed
 * ones included), as the VALUE column's minimum.
 */
export function formatGet(
  rows: readonly GetRow[],
  fields: readonly GetField[],
  scripted: boolean,
  valueWidth: number,
): string {
  const cell = (r: GetRow, f: GetField): string => (f === 'received' ? '-' : r[f]);
  if (scripted) return rows.map((r) => `${fields.map((f) => cell(r, f)).join('\t')}\n`).join('');
  const width: Record<GetField, number> = {
    name: HEADERS.name.length,
    property: HEADERS.property.length,
    value: Math.max(HEADERS.value.length, valueWidth),
    received: HEADERS.received.length,
    source: HEADERS.source.length,
  };
  for (const r of rows) {
    width.name = Math.max(width.name, r.name.length);
    width.property = Math.max(width.property, r.property.length);
  }
  const line = (cells: readonly string[]): string =>
    `${cells.map((c, i) => (i === cells.length - 1 ? c : `${c.padEnd(width[fields[i] ?? 'name'])}  `)).join('')}\n`;
  return [line(fields.map((f) => HEADERS[f])), ...rows.map((r) => line(fields.map((f) => cell(r, f))))].join(
    '',
  );
}
