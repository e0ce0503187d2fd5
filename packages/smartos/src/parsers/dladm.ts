/**
 * dladm(8) output: `show-phys`, `show-vnic` and `show-link`, as the table (libofmt: each
 * non-last field padded to its width, overflow pushing the rest right) or parsable
 * (`-p -o <fields>`: `:`-separated, `:` and `\` escaped with `\` when there is more than one
 * field). illumos prints MAC octets without leading zeros (`92:4b:1e:c:7f:21`); the parsers
 * return them zero-padded and lower-case.
 */
import type { DataLink, PhysLink, Vnic } from '../model/network.js';
import { outputLines, parseError } from './parserSupport.js';
import { splitTable } from './textTable.js';

/** One row keyed by lower-case field name, values as printed (unescaped). */
export type DladmRow = Record<string, string>;

export interface DladmOptions {
  /** The `-o` fields of parsable output (-p). Left out: the output is a table with a header. */
  fields?: readonly string[];
}

/** Splits one `-p` line into its values: `\:` and `\\` are literal, a bare `:` separates. */
export function splitOfmtParsable(line: string, fieldCount: number): string[] {
  if (fieldCount === 1) return [line];
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      current += line[i + 1];
      i++;
    } else if (c === ':') {
      values.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  values.push(current);
  return values;
}

/** Any dladm show-* output as rows keyed by field. */
export function parseDladmRows(stdout: string, what: string, opts: DladmOptions = {}): DladmRow[] {
  const lines = outputLines(stdout).filter((line) => line.trim() !== '');
  let fields: string[];
  let rows: string[][];
  if (opts.fields) {
    fields = opts.fields.map((f) => f.toLowerCase());
    rows = lines.map((line) => splitOfmtParsable(line, fields.length));
  } else {
    const header = lines[0];
    if (header === undefined) return [];
    fields = header
      .trim()
      .split(/\s+/)
      .map((h) => h.toLowerCase());
    rows = splitTable(header, lines.slice(1), what);
  }
  return rows.map((values, index) => {
    if (values.length !== fields.length) {
      throw parseError(`${what} line ${index + 1}: ${values.length} values for ${fields.length} fields`);
    }
    const row: DladmRow = {};
    fields.forEach((f, i) => (row[f] = values[i] ?? ''));
    return row;
  });
}

/** `92:4B:1e:c:7f:21` → `92:4b:1e:0c:7f:21`. Anything not a colon-separated hex MAC is returned as is. */
export function normaliseMac(mac: string): string {
  const octets = mac.trim().split(':');
  if (octets.length < 2 || !octets.every((o) => /^[0-9a-fA-F]{1,2}$/.test(o))) return mac.trim();
  return octets.map((o) => o.toLowerCase().padStart(2, '0')).join(':');
}

/** `--` (table) and `` (parsable) mean no value. */
function orNull(value: string | undefined): string | null {
  return value === undefined || value === '' || value === '--' ? null : value;
}

function numberOrNull(value: string | undefined): number | null {
  const v = orNull(value);
  if (v === null) return null;
  // show-phys prints speed in Mb/s; newer illumos may add a unit (`1G`): read that too
  const m = /^(\d+(?:\.\d+)?)([MGT]?)$/.exec(v);
  if (!m) throw parseError(`dladm: not a number: ${JSON.stringify(v)}`);
  const scale = { '': 1, M: 1, G: 1000, T: 1_000_000 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * scale;
}

function link(row: DladmRow, what: string): string {
  const name = row.link;
  if (name === undefined) throw parseError(`${what}: the link field is needed`);
  return name;
}

/** `dladm show-phys [-p -o ...]`. */
export function parseDladmShowPhys(stdout: string, opts: DladmOptions = {}): PhysLink[] {
  return parseDladmRows(stdout, 'dladm show-phys', opts).map((row) => {
    const out: PhysLink = { link: link(row, 'dladm show-phys') };
    if (row.media !== undefined) out.media = row.media;
    if (row.state !== undefined) out.state = row.state;
    if (row.speed !== undefined) out.speedMbps = numberOrNull(row.speed);
    if (row.duplex !== undefined) out.duplex = row.duplex;
    if (row.device !== undefined) out.device = row.device;
    return out;
  });
}

/** `dladm show-vnic [-p -o ...]`. */
export function parseDladmShowVnic(stdout: string, opts: DladmOptions = {}): Vnic[] {
  return parseDladmRows(stdout, 'dladm show-vnic', opts).map((row) => {
    const out: Vnic = { link: link(row, 'dladm show-vnic') };
    if (row.over !== undefined) out.over = row.over;
    if (row.speed !== undefined) out.speedMbps = numberOrNull(row.speed);
    if (row.macaddress !== undefined) out.macAddress = normaliseMac(row.macaddress);
    if (row.macaddrtype !== undefined) out.macAddressType = row.macaddrtype;
    if (row.vid !== undefined) out.vid = numberOrNull(row.vid);
    if (row.zone !== undefined) out.zone = orNull(row.zone);
    return out;
  });
}

/** `dladm show-link [-p -o ...]`. */
export function parseDladmShowLink(stdout: string, opts: DladmOptions = {}): DataLink[] {
  return parseDladmRows(stdout, 'dladm show-link', opts).map((row) => {
    const out: DataLink = { link: link(row, 'dladm show-link') };
    if (row.class !== undefined) out.class = row.class;
    if (row.mtu !== undefined) out.mtu = numberOrNull(row.mtu);
    if (row.state !== undefined) out.state = row.state;
    if (row.bridge !== undefined) out.bridge = orNull(row.bridge);
    if (row.over !== undefined) out.over = (orNull(row.over) ?? '').split(/[\s,]+/).filter((s) => s !== '');
    return out;
  });
}
