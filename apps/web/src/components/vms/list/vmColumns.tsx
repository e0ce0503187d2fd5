import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import Link from 'next/link';

import type { VmSummary } from '@zonedeck/api/schemas';

import { formatDateTime, formatMiB } from '../../../lib/format';
import type { PowerAction } from '../../../lib/vmActions';
import { formatAge, ipSortKey, shortUuid, type VmListRow } from '../../../lib/vmListRows';
import type { VmListColumn } from '../../../lib/vmListView';
import { VmStateBadge } from '../VmStateBadge';

/** Sorting only: the filters run before the table (lib/vmListRows), the order comes from the URL. */
export const vmTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});

export interface VmTableActions {
  isBusy: (uuid: string) => boolean;
  onAction: (action: PowerAction, vm: VmSummary) => void;
}

/** How each sortable column reads: its header, alignment, first direction, and the sort value. */
export interface VmColumnLook {
  label: string;
  align: 'left' | 'right';
  /** Numbers and ages read best largest first. */
  initial: 'asc' | 'desc';
  /** The column's width in rem (the table lays out fixed: rows are measured once). */
  width: number;
}

export const VM_COLUMN_LOOKS: Record<VmListColumn, VmColumnLook> = {
  alias: { label: 'Alias', align: 'left', initial: 'asc', width: 10.5 },
  brand: { label: 'Brand', align: 'left', initial: 'asc', width: 7 },
  state: { label: 'State', align: 'left', initial: 'asc', width: 7.5 },
  ram: { label: 'RAM', align: 'right', initial: 'desc', width: 5.5 },
  cpu: { label: 'CPU cap', align: 'right', initial: 'desc', width: 6 },
  quota: { label: 'Quota', align: 'right', initial: 'desc', width: 5.5 },
  ips: { label: 'IPs', align: 'left', initial: 'asc', width: 7.5 },
  image: { label: 'Image', align: 'left', initial: 'asc', width: 8.5 },
  age: { label: 'Age', align: 'right', initial: 'desc', width: 5 },
};

const helper = createColumnHelper<typeof vmTableFeatures, VmListRow>();
const muted = <span className="text-ink-muted">–</span>;

/** undefined sorts last in both directions (`sortUndefined: 'last'`): a missing value is no value. */
const orUndefined = <T,>(value: T | null): T | undefined => value ?? undefined;

/** The data columns, in display order; their ids are the URL's sort names. */
export function vmDataColumns(now: Date) {
  return helper.columns([
    helper.accessor((row) => orUndefined(row.vm.alias), {
      id: 'alias' satisfies VmListColumn,
      sortFn: 'text',
      sortUndefined: 'last',
      cell: ({ row: { original } }) => (
        <span className="flex min-w-0 items-baseline gap-2">
          <Link
            href={`/vms/${original.vm.uuid}`}
            className="truncate font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
          >
            {original.vm.alias ?? <span className="font-normal italic">no alias</span>}
          </Link>
          <span className="font-mono text-xs text-ink-muted" title={original.vm.uuid}>
            {shortUuid(original.vm.uuid)}
          </span>
        </span>
      ),
    }),
    helper.accessor((row) => `${row.family} ${row.vm.brand}`, {
      id: 'brand' satisfies VmListColumn,
      sortFn: 'text',
      cell: ({ row: { original } }) => (
        <span className="whitespace-nowrap">
          <span className="inline-block min-w-11 rounded border border-line px-1.5 py-px text-center text-xs font-semibold">
            {original.family}
          </span>{' '}
          <span className="text-xs text-ink-muted">{original.vm.brand}</span>
        </span>
      ),
    }),
    helper.accessor((row) => row.vm.state, {
      id: 'state' satisfies VmListColumn,
      sortFn: 'text',
      cell: ({ row: { original } }) => <VmStateBadge state={original.vm.state} />,
    }),
    helper.accessor((row) => row.vm.ramMiB, {
      id: 'ram' satisfies VmListColumn,
      sortFn: 'basic',
      cell: ({ row: { original } }) => formatMiB(original.vm.ramMiB),
    }),
    helper.accessor((row) => orUndefined(row.vm.cpuCap), {
      id: 'cpu' satisfies VmListColumn,
      sortFn: 'basic',
      sortUndefined: 'last',
      cell: ({ row: { original } }) => (original.vm.cpuCap === null ? muted : `${original.vm.cpuCap} %`),
    }),
    helper.accessor((row) => orUndefined(row.vm.quotaGiB), {
      id: 'quota' satisfies VmListColumn,
      sortFn: 'basic',
      sortUndefined: 'last',
      cell: ({ row: { original } }) =>
        original.vm.quotaGiB === null ? muted : `${original.vm.quotaGiB} GiB`,
    }),
    helper.accessor((row) => orUndefined(ipSortKey(row.vm.ips)), {
      id: 'ips' satisfies VmListColumn,
      sortFn: 'basic',
      sortUndefined: 'last',
      cell: ({ row: { original } }) =>
        original.vm.ips.length === 0 ? (
          muted
        ) : (
          <span className="block truncate font-mono text-xs" title={original.vm.ips.join(', ')}>
            {original.vm.ips.join(', ')}
          </span>
        ),
    }),
    helper.accessor((row) => orUndefined(row.image), {
      id: 'image' satisfies VmListColumn,
      sortFn: 'text',
      sortUndefined: 'last',
      cell: ({ row: { original } }) =>
        original.image === null ? (
          muted
        ) : (
          <span className="block truncate" title={original.vm.imageUuid ?? undefined}>
            {original.image}
          </span>
        ),
    }),
    // Age: larger is older, so the value is the time since creation.
    helper.accessor((row) => (row.createdMs === null ? undefined : now.getTime() - row.createdMs), {
      id: 'age' satisfies VmListColumn,
      sortFn: 'basic',
      sortUndefined: 'last',
      cell: ({ row: { original } }) =>
        original.vm.createdAt === null ? (
          muted
        ) : (
          <time dateTime={original.vm.createdAt} title={formatDateTime(original.vm.createdAt)}>
            {formatAge(original.createdMs, now)}
          </time>
        ),
    }),
  ]);
}
