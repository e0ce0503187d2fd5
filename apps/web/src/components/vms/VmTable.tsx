'use client';

import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';

import { vmName } from '../../lib/vmActions';
import type { VmListRow } from '../../lib/vmListRows';
import { VM_LIST_COLUMNS, type VmListColumn, type VmListSort } from '../../lib/vmListView';
import { SortHeader } from '../common/SortHeader';
import { SelectBox } from './list/SelectBox';
import { VM_COLUMN_LOOKS, vmDataColumns, vmTableFeatures, type VmTableActions } from './list/vmColumns';
import { VmRowActions } from './VmRowActions';

export type { VmTableActions } from './list/vmColumns';

/** Every row is this tall (h-11), so the virtualiser never measures. */
const ROW_PX = 44;
const td = 'px-3 align-middle overflow-hidden';

export interface VmTableSelection {
  selected: ReadonlySet<string>;
  /** Selects or clears these VMs (one row, or every row shown). */
  set: (uuids: readonly string[], on: boolean) => void;
}

/**
 * The VMs of one host, one row each, sorted as the URL says. Only the rows in (and near) the
 * scrolled-to window are in the DOM (TanStack Virtual, with spacer rows above and below), so the
 * list stays fast at thousands of VMs; the table keeps its semantics: real table elements,
 * aria-rowcount / aria-rowindex for the rows not rendered. Everything in a cell came from the
 * host: text only. `actions` adds the power buttons (left out for viewers), `selection` the
 * check boxes for bulk actions.
 */
export function VmTable({
  rows,
  sort,
  onSort,
  now,
  actions,
  selection,
}: {
  rows: readonly VmListRow[];
  sort: VmListSort;
  onSort: (sort: VmListSort) => void;
  now: Date;
  actions?: VmTableActions;
  selection?: VmTableSelection;
}) {
  const columns = useMemo(() => vmDataColumns(now), [now]);
  const data = useMemo(() => [...rows], [rows]);
  const sorting = useMemo(() => [{ id: sort.column, desc: sort.desc }], [sort.column, sort.desc]);
  const table = useTable({
    features: vmTableFeatures,
    columns,
    data,
    state: { sorting },
    getRowId: (row) => row.vm.uuid,
  });
  const model = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not run the React Compiler; nothing memoises the virtualiser's functions.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is designed to be called each render
  const virtualizer = useVirtualizer({
    count: model.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    getItemKey: (index) => model[index]?.id ?? index,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const colSpan = VM_LIST_COLUMNS.length + (actions ? 1 : 0) + (selection ? 1 : 0);

  const shownIds = model.map((row) => row.id);
  const selectedShown = selection ? shownIds.filter((id) => selection.selected.has(id)).length : 0;
  const sortState = { key: sort.column, direction: sort.desc ? ('desc' as const) : ('asc' as const) };
  const header = 'sticky top-0 z-10 bg-sunken';

  return (
    <div ref={scrollRef} className="max-h-[70vh] min-h-24 overflow-auto" data-testid="vm-table-scroll">
      <table
        aria-label="Virtual machines"
        aria-rowcount={model.length + 1}
        className="w-full min-w-[74rem] table-fixed border-collapse text-sm"
      >
        <colgroup>
          {selection ? <col style={{ width: '2.75rem' }} /> : null}
          {VM_LIST_COLUMNS.map((id) => (
            <col key={id} style={{ width: `${VM_COLUMN_LOOKS[id].width}rem` }} />
          ))}
          {actions ? <col style={{ width: '8.5rem' }} /> : null}
        </colgroup>
        <thead className="border-b border-line">
          <tr aria-rowindex={1}>
            {selection ? (
              <th scope="col" className={`${header} px-3 py-2 text-left`}>
                <SelectBox
                  label="Select all VMs shown"
                  checked={shownIds.length > 0 && selectedShown === shownIds.length}
                  mixed={selectedShown > 0 && selectedShown < shownIds.length}
                  disabled={shownIds.length === 0}
                  onChange={(on) => selection.set(shownIds, on)}
                />
              </th>
            ) : null}
            {VM_LIST_COLUMNS.map((id: VmListColumn) => {
              const look = VM_COLUMN_LOOKS[id];
              return (
                <SortHeader
                  key={id}
                  label={look.label}
                  column={id}
                  sort={sortState}
                  onSort={(next) => onSort({ column: next.key, desc: next.direction === 'desc' })}
                  align={look.align}
                  initial={look.initial}
                  className={header}
                />
              );
            })}
            {actions ? (
              <th
                scope="col"
                className={`${header} px-3 py-2 text-right text-xs font-medium tracking-wide text-ink-muted uppercase`}
              >
                Actions
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {padTop > 0 ? (
            <tr aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={colSpan} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = model[item.index];
            if (!row) return null;
            const vm = row.original.vm;
            const busy = actions?.isBusy(vm.uuid) ?? false;
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                aria-busy={busy || undefined}
                className="h-11 hover:bg-sunken/70"
              >
                {selection ? (
                  <td className={td}>
                    <SelectBox
                      label={`Select ${vmName(vm)}`}
                      checked={selection.selected.has(vm.uuid)}
                      onChange={(on) => selection.set([vm.uuid], on)}
                    />
                  </td>
                ) : null}
                {row.getAllCells().map((cell) => {
                  const look = VM_COLUMN_LOOKS[cell.column.id as VmListColumn];
                  return (
                    <td
                      key={cell.id}
                      className={`${td} whitespace-nowrap ${look.align === 'right' ? 'text-right tabular-nums' : ''}`}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
                {actions ? (
                  <td className={td}>
                    <VmRowActions vm={vm} busy={busy} onAction={actions.onAction} />
                  </td>
                ) : null}
              </tr>
            );
          })}
          {padBottom > 0 ? (
            <tr aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={colSpan} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
