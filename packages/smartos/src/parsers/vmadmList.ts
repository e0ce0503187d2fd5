/**
 * Parsers for `vmadm list`: the parsable form (`-p -o <fields>`) and the table form
 * (`vmadm list`, `-H`, `-o`). Values come back as strings; a missing value (vmadm prints
 * nothing in -p mode, `-` in table mode; it also prints 0, false and '' as missing) is null.
 */
import { outputLines, parseError } from './parserSupport.js';

/** One row, keyed by the requested field names (`uuid`, `alias`, `nics.0.ip`, ...). */
export type VmadmListRow = Record<string, string | null>;

export interface VmadmListColumn {
  header: string;
  width: number;
}

/** vmadm.js LIST_FIELDS: the listable fields, their table header and column width. */
export const VMADM_LIST_FIELDS: Readonly<Record<string, VmadmListColumn>> = {
  alias: { header: 'ALIAS', width: 10 },
  autoboot: { header: 'AUTOBOOT', width: 8 },
  billing_id: { header: 'BILLING_ID', width: 36 },
  boot_timestamp: { header: 'BOOT_TIMESTAMP', width: 24 },
  brand: { header: 'BRAND', width: 14 },
  cpu_cap: { header: 'CPU_CAP', width: 7 },
  cpu_shares: { header: 'CPU_SHARE', width: 9 },
  cpu_type: { header: 'CPU_TYPE', width: 8 },
  create_timestamp: { header: 'CREATE_TIMESTAMP', width: 24 },
  dns_domain: { header: 'DOMAIN', width: 32 },
  do_not_inventory: { header: 'DNI', width: 5 },
  docker: { header: 'DOCKER', width: 6 },
  exit_status: { header: 'EXIT', width: 4 },
  exit_timestamp: { header: 'EXIT_TIMESTAMP', width: 24 },
  firewall_enabled: { header: 'FIREWALL_ENABLED', width: 16 },
  flexible_disk_size: { header: 'FLEX_DISK_SIZE', width: 14 },
  free_space: { header: 'FREE_SPACE', width: 14 },
  hostname: { header: 'HOSTNAME', width: 32 },
  hvm: { header: 'HVM', width: 5 },
  image_uuid: { header: 'IMAGE_UUID', width: 36 },
  indestructible_delegated: { header: 'INDESTR_DATA', width: 12 },
  indestructible_zoneroot: { header: 'INDESTR_ROOT', width: 12 },
  ram: { header: 'RAM', width: 7 },
  max_locked_memory: { header: 'MAX_LOCKED', width: 10 },
  max_lwps: { header: 'MAX_LWP', width: 7 },
  max_physical_memory: { header: 'MAX_PHYS', width: 8 },
  max_swap: { header: 'MAX_SWAP', width: 8 },
  owner_uuid: { header: 'OWNER_UUID', width: 36 },
  package_name: { header: 'PACKAGE_NAME', width: 32 },
  package_version: { header: 'PACKAGE_VER', width: 11 },
  pid: { header: 'PID', width: 6 },
  qemu_extra_opts: { header: 'QEMU_EXTRA_OPTS', width: 15 },
  quota: { header: 'QUOTA', width: 5 },
  zone_state: { header: 'ZONE_STATE', width: 10 },
  state: { header: 'STATE', width: 16 },
  tmpfs: { header: 'TMPFS', width: 5 },
  type: { header: 'TYPE', width: 4 },
  uuid: { header: 'UUID', width: 36 },
  vcpus: { header: 'VCPUS', width: 5 },
  zfs_io_priority: { header: 'IO_PRIORITY', width: 11 },
  zpool: { header: 'ZPOOL', width: 12 },
  zonename: { header: 'ZONENAME', width: 12 },
  zonepath: { header: 'ZONEPATH', width: 40 },
  zoneid: { header: 'ZONEID', width: 6 },
};

/** `vmadm list` without -o. */
export const VMADM_LIST_DEFAULT_FIELDS: readonly string[] = ['uuid', 'type', 'ram', 'state', 'alias'];

/** Dotted columns (`nics.0.ip`, `tags.role`) are upper-cased and 20 wide. */
const DOTTED_WIDTH = 20;

/** The header and width vmadm uses for a field; width 0 when the field is unknown. */
export function vmadmListColumn(field: string): VmadmListColumn {
  const known = Object.hasOwn(VMADM_LIST_FIELDS, field) ? VMADM_LIST_FIELDS[field] : undefined;
  if (known) return known;
  return { header: field.toUpperCase(), width: field.includes('.') ? DOTTED_WIDTH : 0 };
}

export interface VmadmListParsableOptions {
  /**
   * The one field whose values may contain ':' (vmadm does not escape it in -p output).
   * Default: `alias` when requested, otherwise the last field.
   */
  colonField?: string;
}

/** Parses `vmadm list -p -o <fields>` (`:`-separated, no header, no padding). */
export function parseVmadmListParsable(
  stdout: string,
  fields: readonly string[],
  opts: VmadmListParsableOptions = {},
): VmadmListRow[] {
  if (fields.length === 0) throw parseError('vmadm list -p: no fields given');
  const colonField = opts.colonField ?? (fields.includes('alias') ? 'alias' : fields[fields.length - 1]);
  const joinAt = colonField === undefined ? -1 : fields.indexOf(colonField);
  if (joinAt < 0)
    throw parseError(`vmadm list -p: colonField "${String(colonField)}" is not a requested field`);

  return outputLines(stdout)
    .filter((line) => line !== '')
    .map((line, index) => {
      const parts = line.split(':');
      const surplus = parts.length - fields.length;
      if (surplus < 0) {
        throw parseError(
          `vmadm list -p line ${index + 1}: ${parts.length} values for ${fields.length} fields (${fields.join(',')})`,
        );
      }
      const values = [
        ...parts.slice(0, joinAt),
        parts.slice(joinAt, joinAt + surplus + 1).join(':'),
        ...parts.slice(joinAt + surplus + 1),
      ];
      return toRow(fields, values, '');
    });
}

export interface VmadmListTableOptions {
  /**
   * The fields requested with -o, in order. Default: read from the header line, or
   * vmadm's default columns when there is no header.
   */
  fields?: readonly string[];
  /** Whether the first line is the header (false for -H). Default: detected. */
  header?: boolean;
}

/**
 * Parses the table form. Each non-last column is printed `%-<width>s` followed by two
 * spaces, and a value wider than its column pushes the rest of the line right; so columns
 * are read left to right with their widths (measured on the header when there is one),
 * and an overflowing value ends at the next two spaces. The last column is the rest of the line.
 */
export function parseVmadmListTable(stdout: string, opts: VmadmListTableOptions = {}): VmadmListRow[] {
  const lines = outputLines(stdout).filter((line) => line.trim() !== '');
  const first = lines[0];
  if (first === undefined) return [];

  const hasHeader = opts.header ?? looksLikeHeader(first);
  const headerFields = hasHeader ? headerToFields(first) : undefined;
  const fields = opts.fields ?? headerFields?.map((h) => h.field) ?? VMADM_LIST_DEFAULT_FIELDS;
  if (headerFields && headerFields.length !== fields.length) {
    throw parseError(`vmadm list: header has ${headerFields.length} columns, expected ${fields.length}`);
  }
  const widths = fields.map((field, i) => {
    const known = vmadmListColumn(field).width;
    const head = headerFields?.[i];
    const next = headerFields?.[i + 1];
    if (!head || !next) return known;
    const measured = next.start - head.start - 2;
    // A header name is padded to the width unless it is as long as (or longer than) it.
    if (measured > head.name.length || known === 0) return measured;
    return Math.min(known, measured);
  });

  return lines.slice(hasHeader ? 1 : 0).map((line, index) => {
    const values: string[] = [];
    let pos = 0;
    for (let i = 0; i < fields.length; i++) {
      if (i === fields.length - 1) {
        values.push(line.slice(pos).trim());
        break;
      }
      if (pos >= line.length) {
        values.push('');
        continue;
      }
      const end = pos + (widths[i] ?? 0);
      if (end <= line.length && (line.startsWith('  ', end) || end === line.length) && widths[i] !== 0) {
        values.push(line.slice(pos, end).trim());
        pos = end + 2;
        continue;
      }
      const gap = line.indexOf('  ', Math.max(end, pos + 1));
      if (gap < 0) {
        throw parseError(`vmadm list line ${index + 1}: cannot find the end of column ${fields[i] ?? i}`);
      }
      values.push(line.slice(pos, gap).trim());
      pos = gap + 2;
      // a column narrower than its padding leaves extra blanks: skip to the next value
      if (widths[i] === 0) while (line[pos] === ' ') pos++;
    }
    return toRow(fields, values, '-');
  });
}

function toRow(fields: readonly string[], values: readonly string[], missing: string): VmadmListRow {
  const row: VmadmListRow = {};
  fields.forEach((field, i) => {
    const value = values[i];
    row[field] = value === undefined || value === '' || value === missing ? null : value;
  });
  return row;
}

const HEADER_TO_FIELD: ReadonlyMap<string, string> = new Map(
  Object.entries(VMADM_LIST_FIELDS).map(([field, col]) => [col.header, field]),
);

/** A header is upper-case names only, at least one of them a known column header. */
function looksLikeHeader(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  return (
    tokens.every((t) => /^[A-Z0-9_]+(?:\.[^\sa-z]+)*$/.test(t)) && tokens.some((t) => HEADER_TO_FIELD.has(t))
  );
}

interface HeaderField {
  name: string;
  field: string;
  start: number;
}

function headerToFields(line: string): HeaderField[] {
  const out: HeaderField[] = [];
  for (const match of line.matchAll(/\S+/g)) {
    const name = match[0];
    out.push({ name, field: HEADER_TO_FIELD.get(name) ?? name.toLowerCase(), start: match.index });
  }
  return out;
}
