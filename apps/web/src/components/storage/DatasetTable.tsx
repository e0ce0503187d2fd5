'use client';

import { ChevronDown, ChevronRight } from 'lucide-react';
import { Fragment, useMemo, useState } from 'react';

import type { ZfsDataset } from '@zonedeck/api/schemas';

import {
  buildDatasetTree,
  datasetRole,
  sortDatasetTree,
  visibleRows,
  type DatasetSortKey,
} from '../../lib/datasetTree';
import { formatBytes, formatRatio } from '../../lib/storage';
import { SortHeader, type SortState } from '../common/SortHeader';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-1.5 align-middle';
const num = `${td} text-right tabular-nums whitespace-nowrap`;

function typeLabel(type: string | undefined): string {
  if (type === 'filesystem') return 'fs';
  if (type === 'volume') return 'zvol';
  return type ?? '';
}

/**
 * Every dataset of the host as a tree, its snapshots folded under it, sortable by any figure
 * (siblings sort within their parent). Columns the host did not report are left out.
 */
export function DatasetTable({
  datasets,
  vmNames,
  imageNames,
}: {
  datasets: readonly ZfsDataset[];
  vmNames: ReadonlyMap<string, string>;
  imageNames: ReadonlyMap<string, string>;
}) {
  const [sort, setSort] = useState<SortState<DatasetSortKey>>({ key: 'name', direction: 'asc' });
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [openSnapshots, setOpenSnapshots] = useState<ReadonlySet<string>>(() => new Set());

  const tree = useMemo(() => buildDatasetTree(datasets), [datasets]);
  const sorted = useMemo(() => sortDatasetTree(tree, sort.key, sort.direction), [tree, sort]);
  const rows = visibleRows(sorted, collapsed);

  const has = (pick: (d: ZfsDataset) => unknown) =>
    datasets.some((d) => pick(d) !== undefined && pick(d) !== null);
  const showLogical = has((d) => d.logicalUsedBytes);
  const showQuota = has((d) => d.quotaBytes);
  const showCompression = has((d) => d.raw['compression']);
  const showDedup = has((d) => d.raw['dedup']);

  function toggle(set: ReadonlySet<string>, name: string): Set<string> {
    const next = new Set(set);
    if (!next.delete(name)) next.add(name);
    return next;
  }

  const header = (label: string, column: DatasetSortKey, align: 'left' | 'right' = 'right') => (
    <SortHeader
      label={label}
      column={column}
      sort={sort}
      onSort={setSort}
      align={align}
      initial={column === 'name' ? 'asc' : 'desc'}
    />
  );

  return (
    <div className="overflow-x-auto">
      <table aria-label="Datasets" className="w-full border-collapse text-sm">
        <thead className="border-b border-line bg-sunken">
          <tr>
            {header('Name', 'name', 'left')}
            <th scope="col" className={th}>
              Type
            </th>
            {header('Used', 'used')}
            {header('Referenced', 'referenced')}
            {header('Available', 'available')}
            {showLogical ? header('Logical used', 'logicalUsed') : null}
            {header('Compress', 'compressRatio')}
            {showQuota ? header('Quota', 'quota') : null}
            {showCompression ? (
              <th scope="col" className={th}>
                Compression
              </th>
            ) : null}
            {showDedup ? (
              <th scope="col" className={th}>
                Dedup
              </th>
            ) : null}
            {header('Snapshots', 'snapshots')}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map(({ node, depth }) => {
            const d = node.dataset;
            const role = datasetRole(d.name, vmNames, imageNames);
            const isCollapsed = collapsed.has(d.name);
            const snapsOpen = openSnapshots.has(d.name);
            return (
              <Fragment key={d.name}>
                <tr className="hover:bg-sunken/70" data-dataset={d.name}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    <span className="flex items-center gap-1" style={{ paddingLeft: `${depth * 1.1}rem` }}>
                      {node.children.length > 0 ? (
                        <button
                          type="button"
                          aria-expanded={!isCollapsed}
                          aria-label={`${isCollapsed ? 'Show' : 'Hide'} the datasets under ${d.name}`}
                          onClick={() => setCollapsed((c) => toggle(c, d.name))}
                          className="rounded p-0.5 text-ink-muted hover:bg-line hover:text-ink"
                        >
                          {isCollapsed ? (
                            <ChevronRight aria-hidden="true" className="size-3.5" />
                          ) : (
                            <ChevronDown aria-hidden="true" className="size-3.5" />
                          )}
                        </button>
                      ) : (
                        <span className="inline-block w-4.5" />
                      )}
                      <span className="min-w-0">
                        <span className="font-mono text-[13px] break-all" title={d.name}>
                          {depth === 0 ? d.name : node.leaf}
                        </span>
                        {role ? <span className="ml-2 text-xs text-ink-muted">{role}</span> : null}
                      </span>
                    </span>
                  </th>
                  <td className={`${td} text-xs text-ink-muted`}>{typeLabel(d.type)}</td>
                  <td className={num}>{formatBytes(d.usedBytes)}</td>
                  <td className={num}>{formatBytes(d.referencedBytes)}</td>
                  <td className={num}>{formatBytes(d.availableBytes)}</td>
                  {showLogical ? <td className={num}>{formatBytes(d.logicalUsedBytes)}</td> : null}
                  <td className={num}>{formatRatio(d.compressRatio)}</td>
                  {showQuota ? (
                    <td className={num}>{d.quotaBytes ? formatBytes(d.quotaBytes) : 'none'}</td>
                  ) : null}
                  {showCompression ? (
                    <td className={`${td} font-mono text-xs`}>{d.raw['compression'] ?? ''}</td>
                  ) : null}
                  {showDedup ? <td className={`${td} font-mono text-xs`}>{d.raw['dedup'] ?? ''}</td> : null}
                  <td className={`${td} text-right`}>
                    {node.snapshots.length === 0 ? (
                      <span className="text-ink-faint">0</span>
                    ) : (
                      <button
                        type="button"
                        aria-expanded={snapsOpen}
                        aria-label={`${snapsOpen ? 'Hide' : 'Show'} the ${node.snapshots.length} snapshots of ${d.name}`}
                        onClick={() => setOpenSnapshots((s) => toggle(s, d.name))}
                        className="rounded px-1.5 py-0.5 text-accent tabular-nums hover:bg-sunken hover:underline"
                      >
                        {node.snapshots.length}
                      </button>
                    )}
                  </td>
                </tr>
                {snapsOpen
                  ? node.snapshots.map((snap) => (
                      <tr key={snap.name} className="bg-sunken/50 text-ink-muted">
                        <th scope="row" className={`${td} text-left font-normal`}>
                          <span
                            className="font-mono text-xs"
                            style={{ paddingLeft: `${(depth + 1) * 1.1 + 1.1}rem` }}
                          >
                            @{snap.name.slice(snap.name.indexOf('@') + 1)}
                          </span>
                        </th>
                        <td className={`${td} text-xs`}>snapshot</td>
                        <td className={num}>{formatBytes(snap.usedBytes)}</td>
                        <td className={num}>{formatBytes(snap.referencedBytes)}</td>
                        <td className={num} />
                        {showLogical ? <td className={num}>{formatBytes(snap.logicalUsedBytes)}</td> : null}
                        <td className={num}>{formatRatio(snap.compressRatio)}</td>
                        {showQuota ? <td className={num} /> : null}
                        {showCompression ? <td className={td} /> : null}
                        {showDedup ? <td className={td} /> : null}
                        <td className={td} />
                      </tr>
                    ))
                  : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
