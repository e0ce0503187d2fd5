// The VM list's rows: each VM with what its cells show and sort by, and the filter of the view.
// Pure: tested in vmListRows.test.ts.
import type { VmSummary } from '@zonedeck/api/schemas';

import { brandFamily, vmStateLabel, type BrandFamily } from './format';
import type { VmListView } from './vmListView';

/** Installed images by uuid: "name version". */
export type ImageNames = ReadonlyMap<string, string>;

export interface VmListRow {
  vm: VmSummary;
  family: BrandFamily;
  /** The image's name when it is installed, else the first block of its uuid; null without one. */
  image: string | null;
  /** create_timestamp in ms since the epoch; null when unknown or unreadable. */
  createdMs: number | null;
}

/** The first 8 characters of a uuid, as `vmadm list` users shorten them. */
export function shortUuid(uuid: string): string {
  return uuid.slice(0, 8);
}

export function toVmListRow(vm: VmSummary, images: ImageNames): VmListRow {
  const created = vm.createdAt === null ? Number.NaN : Date.parse(vm.createdAt);
  return {
    vm,
    family: brandFamily(vm.brand),
    image: vm.imageUuid === null ? null : (images.get(vm.imageUuid) ?? shortUuid(vm.imageUuid)),
    createdMs: Number.isNaN(created) ? null : created,
  };
}

function searchable(row: VmListRow): string {
  const { vm } = row;
  return [
    vm.alias ?? '',
    vm.uuid,
    vm.brand,
    row.family,
    vmStateLabel(vm.state),
    row.image ?? '',
    vm.imageUuid ?? '',
    ...vm.ips,
  ]
    .join('\n')
    .toLowerCase();
}

/** The rows the view's filters let through, in their given order. */
export function filterVmRows(rows: readonly VmListRow[], view: VmListView): VmListRow[] {
  const needle = view.q.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (view.brand === null || row.family === view.brand) &&
      (view.state === null || row.vm.state === view.state) &&
      (needle === '' || searchable(row).includes(needle)),
  );
}

/** Compares IPv4 addresses by number and anything else ("dhcp", IPv6) as text after them. */
export function ipSortKey(ips: readonly string[]): string | null {
  const first = ips[0];
  if (first === undefined) return null;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(first);
  if (!v4) return `1 ${first}`;
  return `0 ${v4
    .slice(1)
    .map((octet) => octet.padStart(3, '0'))
    .join('.')}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How old a VM is, short enough for a column: "< 1 min", "42 min", "5 h", "12 d", "3 mo", "7 y". */
export function formatAge(createdMs: number | null, now: Date): string {
  if (createdMs === null) return '–';
  const ms = now.getTime() - createdMs;
  if (ms < MINUTE) return '< 1 min';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  const days = Math.floor(ms / DAY);
  if (days < 60) return `${days} d`;
  if (days < 730) return `${Math.floor(days / 30.44)} mo`;
  return `${Math.floor(days / 365.25)} y`;
}
