// Which datasets a `zfs list` / `zfs get` run covers, in zfs's order.
import { parentOf, type DatasetRecord, type DatasetType, type ZfsState } from '../../state/zfsStore.js';

/** zfs_compare: by name, a dataset's snapshots right after it in creation (txg) order. */
export function compareDatasets(a: DatasetRecord, b: DatasetRecord): number {
  const an = a.type === 'snapshot' ? (parentOf(a.name) ?? a.name) : a.name;
  const bn = b.type === 'snapshot' ? (parentOf(b.name) ?? b.name) : b.name;
  if (an !== bn) return an < bn ? -1 : 1;
  if (a.type !== 'snapshot') return b.type === 'snapshot' ? -1 : 0;
  if (b.type !== 'snapshot') return 1;
  return a.createtxg - b.createtxg;
}

const TYPE_NAMES: Readonly<Record<string, readonly DatasetType[]>> = {
  filesystem: ['filesystem'],
  fs: ['filesystem'],
  volume: ['volume'],
  vol: ['volume'],
  snapshot: ['snapshot'],
  snap: ['snapshot'],
  all: ['filesystem', 'volume', 'snapshot'],
  bookmark: [],
};

/** `-t a,b`: the types, or the bad word. */
export function parseTypes(text: string): Set<DatasetType> | { bad: string } {
  const out = new Set<DatasetType>();
  for (const word of text.split(',')) {
    const types = TYPE_NAMES[word];
    if (types === undefined) return { bad: word };
    for (const t of types) out.add(t);
  }
  return out;
}

function depthBelow(root: string, name: string): number {
  const at = name.indexOf('@');
  const fs = at < 0 ? name : name.slice(0, at);
  const rel = fs === root ? '' : fs.slice(root.length + 1);
  return (rel === '' ? 0 : rel.split('/').length) + (at < 0 ? 0 : 1);
}

export interface Selection {
  datasets: DatasetRecord[];
  /** `cannot open ...` lines for missing operands */
  errors: string[];
}

/**
 * zfs_for_each: every dataset of `types` (no operands), or the operands themselves and, with
 * `depth` (Infinity for -r), what lies below them.
 */
export function selectDatasets(
  z: ZfsState,
  operands: readonly string[],
  types: ReadonlySet<DatasetType>,
  depth: number | undefined,
): Selection {
  const errors: string[] = [];
  const all = Object.values(z.datasets);
  let picked: DatasetRecord[];
  if (operands.length === 0) {
    picked = all.filter((d) => types.has(d.type));
  } else {
    const seen = new Set<string>();
    picked = [];
    for (const name of operands) {
      const ds = Object.hasOwn(z.datasets, name) ? z.datasets[name] : undefined;
      if (ds === undefined) {
        errors.push(`cannot open '${name}': dataset does not exist`);
        continue;
      }
      let limit = depth;
      // `zfs list -t snapshot <fs>` lists the snapshots of <fs>
      if (limit === undefined && types.size === 1 && types.has('snapshot') && ds.type !== 'snapshot')
        limit = 1;
      const add = (d: DatasetRecord): void => {
        if (seen.has(d.name)) return;
        seen.add(d.name);
        picked.push(d);
      };
      if (types.has(ds.type) || limit === undefined) add(ds);
      if (limit !== undefined && ds.type !== 'snapshot') {
        const prefix = [`${name}/`, `${name}@`];
        for (const d of all) {
          if (!prefix.some((p) => d.name.startsWith(p)) || !types.has(d.type)) continue;
          if (depthBelow(name, d.name) <= limit) add(d);
        }
      }
    }
  }
  picked.sort(compareDatasets);
  return { datasets: picked, errors };
}
