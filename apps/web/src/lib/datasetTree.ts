// The `zfs list` rows as a tree (children under parents, snapshots under their dataset), sorted
// within each level, and what each dataset is for on SmartOS. Pure: tested in datasetTree.test.ts.
import type { ZfsDataset } from '@zonedeck/api/schemas';

export interface DatasetNode {
  dataset: ZfsDataset;
  /** The last part of the name: `data` for `zones/<uuid>/data`. */
  leaf: string;
  children: DatasetNode[];
  snapshots: ZfsDataset[];
}

function parentOf(name: string): string | null {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? null : name.slice(0, slash);
}

/** Datasets as a forest; a dataset whose parent is not listed is a root. Order is kept. */
export function buildDatasetTree(datasets: readonly ZfsDataset[]): DatasetNode[] {
  const nodes = new Map<string, DatasetNode>();
  for (const d of datasets) {
    if (d.name.includes('@') || d.type === 'snapshot' || d.type === 'bookmark') continue;
    nodes.set(d.name, {
      dataset: d,
      leaf: d.name.slice(d.name.lastIndexOf('/') + 1),
      children: [],
      snapshots: [],
    });
  }
  const roots: DatasetNode[] = [];
  for (const node of nodes.values()) {
    const parent = parentOf(node.dataset.name);
    const parentNode = parent === null ? undefined : nodes.get(parent);
    if (parentNode) parentNode.children.push(node);
    else roots.push(node);
  }
  for (const d of datasets) {
    const at = d.name.indexOf('@');
    if (at < 0) continue;
    nodes.get(d.name.slice(0, at))?.snapshots.push(d);
  }
  return roots;
}

export type DatasetSortKey =
  'name' | 'used' | 'referenced' | 'available' | 'logicalUsed' | 'compressRatio' | 'quota' | 'snapshots';
export type SortDirection = 'asc' | 'desc';

function sortValue(node: DatasetNode, key: DatasetSortKey): number | string | null {
  const d = node.dataset;
  switch (key) {
    case 'name':
      return node.leaf;
    case 'used':
      return d.usedBytes ?? null;
    case 'referenced':
      return d.referencedBytes ?? null;
    case 'available':
      return d.availableBytes ?? null;
    case 'logicalUsed':
      return d.logicalUsedBytes ?? null;
    case 'compressRatio':
      return d.compressRatio ?? null;
    case 'quota':
      return d.quotaBytes ?? null;
    case 'snapshots':
      return node.snapshots.length;
  }
}

function compare(a: number | string | null, b: number | string | null): number {
  // Unknown values sort last whichever the direction, so they never crowd the top.
  if (a === null || b === null) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** The tree with the siblings of every level sorted by `key` (a new tree; the input is kept). */
export function sortDatasetTree(
  nodes: readonly DatasetNode[],
  key: DatasetSortKey,
  direction: SortDirection,
): DatasetNode[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...nodes]
    .sort((x, y) => {
      const a = sortValue(x, key);
      const b = sortValue(y, key);
      if (a === null && b !== null) return 1;
      if (b === null && a !== null) return -1;
      return sign * compare(a, b) || x.leaf.localeCompare(y.leaf);
    })
    .map((n) => ({ ...n, children: sortDatasetTree(n.children, key, direction) }));
}

export interface DatasetRow {
  node: DatasetNode;
  depth: number;
}

/** The rows to show: the tree depth first, without the children of collapsed datasets. */
export function visibleRows(
  nodes: readonly DatasetNode[],
  collapsed: ReadonlySet<string>,
  depth = 0,
): DatasetRow[] {
  const rows: DatasetRow[] = [];
  for (const node of nodes) {
    rows.push({ node, depth });
    if (!collapsed.has(node.dataset.name)) rows.push(...visibleRows(node.children, collapsed, depth + 1));
  }
  return rows;
}

export interface Named {
  uuid: string;
  name: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const zoneRoot = new RegExp(`^[^/]+/(${UUID})$`);
const zvol = new RegExp(`^[^/]+/(${UUID})-disk(\\d+)$`);
const cores = new RegExp(`^[^/]+/cores/(${UUID})$`);
const delegated = new RegExp(`^[^/]+/(${UUID})/data$`);

/**
 * What a SmartOS dataset is for, in words, or null for the pool's own ones: `zones/<vm>` is a
 * zone's root, `zones/<vm>-disk0` a KVM/bhyve disk, `zones/<image>` an installed image.
 */
export function datasetRole(
  name: string,
  vms: ReadonlyMap<string, string>,
  images: ReadonlyMap<string, string>,
): string | null {
  let m = zvol.exec(name);
  if (m?.[1]) return `disk ${m[2]} of ${vms.get(m[1]) ?? m[1]}`;
  m = zoneRoot.exec(name);
  if (m?.[1]) {
    const image = images.get(m[1]);
    if (image) return `image ${image}`;
    const vm = vms.get(m[1]);
    return vm ? `root of ${vm}` : null;
  }
  m = cores.exec(name);
  if (m?.[1]) {
    const vm = vms.get(m[1]);
    return vm ? `cores of ${vm}` : null;
  }
  m = delegated.exec(name);
  if (m?.[1]) {
    const vm = vms.get(m[1]);
    return vm ? `delegated dataset of ${vm}` : null;
  }
  return null;
}
