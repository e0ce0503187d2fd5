// Every space figure of the simulated ZFS, computed in one pass from the block groups of
// zfsStore.ts, as ZFS accounts them:
//  - a group is charged to the family (head + snapshots) of the dataset it was born in
//    (`owner`); clones reference their origin's groups without being charged for them;
//  - usedbydataset = charged groups the head references; usedbysnapshots = charged groups
//    only snapshots hold; a snapshot's used = charged groups only it holds;
//  - usedbyrefreservation = refreservation - unique bytes of the head (not in any snapshot);
//  - dataset accounting ignores dedup (each group counts in full), the pool does not: live
//    groups written with dedup on and the same key+size are one DDT entry with a refcount,
//    allocated once. So zpool ALLOC = charged bytes - dedup savings + pool metadata, and the
//    dedup savings come back as space available to the datasets (spa_dspace), as on ZFS.
import {
  effectiveProp,
  parentOf,
  type BlockGroup,
  type DatasetRecord,
  type PoolRecord,
  type ZfsState,
} from './zfsStore.js';

export interface DatasetSpace {
  used: number;
  referenced: number;
  /** undefined for snapshots (zfs prints `-`) */
  available: number | undefined;
  usedbydataset: number;
  usedbysnapshots: number;
  usedbychildren: number;
  usedbyrefreservation: number;
  logicalused: number;
  logicalreferenced: number;
  /** used without refreservations (physical bytes compressratio is computed over) */
  charged: number;
  /** ratio × 100, truncated (ZFS prints `%llu.%02llux`) */
  compressratio: number;
  refcompressratio: number;
  /** bytes written since the latest snapshot (= referenced without snapshots) */
  written: number;
}

/** One DDT histogram row: blocks whose refcount falls in [refcnt, 2*refcnt). */
export interface DdtBucket {
  refcnt: number;
  allocated: DdtCounts;
  referenced: DdtCounts;
}

export interface DdtCounts {
  blocks: number;
  lsize: number;
  psize: number;
  dsize: number;
}

export interface PoolSpace {
  size: number;
  alloc: number;
  free: number;
  /** integer percent */
  capacity: number;
  /** ratio × 100, truncated */
  dedupratio: number;
  dedupSavings: number;
  /** what the root dataset may still write (pool free - slop - unused refreservations) */
  rootAvailable: number;
  ddtEntries: number;
  ddt: DdtBucket[];
  ddtTotal: { allocated: DdtCounts; referenced: DdtCounts };
}

export interface SpaceReport {
  datasets: Map<string, DatasetSpace>;
  pools: Map<string, PoolSpace>;
}

function ratio100(logical: number, physical: number): number {
  return physical <= 0 ? 100 : Math.max(100, Math.floor((logical * 100) / physical));
}

function zeroCounts(): DdtCounts {
  return { blocks: 0, lsize: 0, psize: 0, dsize: 0 };
}

function addCounts(into: DdtCounts, g: BlockGroup, times: number): void {
  into.blocks += g.blocks * times;
  into.lsize += g.lsize * times;
  into.psize += g.psize * times;
  into.dsize += g.psize * times;
}

function numProp(z: ZfsState, ds: DatasetRecord, prop: string, inheritable = false): number {
  const raw = inheritable ? effectiveProp(z, ds.name, prop)?.value : ds.props[prop];
  if (raw === undefined || raw === 'none') return 0;
  const n = Number(raw);
  return Number.isFinite(n) ? n : 0;
}

interface Charge {
  ubd: number;
  ubs: number;
  unique: number;
  lubd: number;
  lubs: number;
}

/** Pool figures from its groups (pool-wide; only groups of datasets in this pool). */
function poolSpace(pool: PoolRecord, groups: BlockGroup[], unusedRefres: number): PoolSpace {
  const identities = new Map<string, { g: BlockGroup; refcnt: number }>();
  let nonDedup = 0;
  for (const g of groups) {
    if (!g.dedup) {
      nonDedup += g.psize;
      continue;
    }
    const id = g.key === null ? undefined : `${g.key}\u0000${g.lsize}\u0000${g.psize}`;
    if (id === undefined) {
      identities.set(`#${identities.size}`, { g, refcnt: 1 });
      continue;
    }
    const cur = identities.get(id);
    if (cur === undefined) identities.set(id, { g, refcnt: 1 });
    else cur.refcnt += 1;
  }
  const buckets = new Map<number, DdtBucket>();
  const total = { allocated: zeroCounts(), referenced: zeroCounts() };
  let entries = 0;
  for (const { g, refcnt } of identities.values()) {
    const bucketRef = 2 ** Math.floor(Math.log2(refcnt));
    let b = buckets.get(bucketRef);
    if (b === undefined) {
      b = { refcnt: bucketRef, allocated: zeroCounts(), referenced: zeroCounts() };
      buckets.set(bucketRef, b);
    }
    addCounts(b.allocated, g, 1);
    addCounts(b.referenced, g, refcnt);
    addCounts(total.allocated, g, 1);
    addCounts(total.referenced, g, refcnt);
    entries += g.blocks;
  }
  const alloc = Math.min(pool.size, total.allocated.dsize + nonDedup + pool.metaBytes);
  const dedupSavings = total.referenced.dsize - total.allocated.dsize;
  const slop = Math.floor(pool.size / 32);
  return {
    size: pool.size,
    alloc,
    free: pool.size - alloc,
    capacity: Math.floor((alloc * 100) / pool.size),
    dedupratio: ratio100(total.referenced.dsize, total.allocated.dsize),
    dedupSavings,
    rootAvailable: Math.max(0, pool.size - slop - alloc - unusedRefres),
    ddtEntries: entries,
    ddt: [...buckets.values()].sort((a, b) => a.refcnt - b.refcnt),
    ddtTotal: total,
  };
}

/** Computes every dataset's and pool's space figures. */
export function computeSpace(z: ZfsState): SpaceReport {
  const all = Object.values(z.datasets);
  const heads = all.filter((d) => d.type !== 'snapshot');
  const snapsOf = new Map<string, DatasetRecord[]>();
  for (const d of all) {
    if (d.type !== 'snapshot') continue;
    const fs = parentOf(d.name) ?? d.name;
    const list = snapsOf.get(fs);
    if (list === undefined) snapsOf.set(fs, [d]);
    else list.push(d);
  }

  // per group: referenced by its owner's head? by how many of its owner's snapshots (which)?
  const inHead = new Set<number>();
  const snapCount = new Map<number, number>();
  const lastSnap = new Map<number, string>();
  for (const h of heads) {
    for (const id of h.blocks) if (z.groups[String(id)]?.owner === h.name) inHead.add(id);
    for (const s of snapsOf.get(h.name) ?? []) {
      for (const id of new Set(s.blocks)) {
        if (z.groups[String(id)]?.owner !== h.name) continue;
        snapCount.set(id, (snapCount.get(id) ?? 0) + 1);
        lastSnap.set(id, s.name);
      }
    }
  }

  const charge = new Map<string, Charge>();
  const snapUsed = new Map<string, number>();
  for (const h of heads) charge.set(h.name, { ubd: 0, ubs: 0, unique: 0, lubd: 0, lubs: 0 });
  const groupsByPool = new Map<string, BlockGroup[]>();
  for (const [idText, g] of Object.entries(z.groups)) {
    const id = Number(idText);
    const pool = g.owner.split('/', 1)[0] ?? g.owner;
    const pg = groupsByPool.get(pool);
    if (pg === undefined) groupsByPool.set(pool, [g]);
    else pg.push(g);
    const c = charge.get(g.owner);
    if (c === undefined) continue;
    const n = snapCount.get(id) ?? 0;
    if (inHead.has(id)) {
      c.ubd += g.psize;
      c.lubd += g.lsize;
      if (n === 0) c.unique += g.psize;
    } else if (n > 0) {
      c.ubs += g.psize;
      c.lubs += g.lsize;
      if (n === 1) {
        const s = lastSnap.get(id);
        if (s !== undefined) snapUsed.set(s, (snapUsed.get(s) ?? 0) + g.psize);
      }
    }
  }

  const sum = (ids: readonly number[], field: 'psize' | 'lsize'): number => {
    let t = 0;
    for (const id of ids) t += z.groups[String(id)]?.[field] ?? 0;
    return t;
  };

  // bottom-up: deepest names first, so children are done before their parents
  const order = [...heads].sort((a, b) => b.name.split('/').length - a.name.split('/').length);
  const datasets = new Map<string, DatasetSpace>();
  const childUsed = new Map<string, { used: number; lused: number; charged: number }>();
  const unusedRefresByPool = new Map<string, number>();
  for (const h of order) {
    const c = charge.get(h.name) ?? { ubd: 0, ubs: 0, unique: 0, lubd: 0, lubs: 0 };
    const refres = numProp(z, h, 'refreservation');
    const ubr = Math.max(0, refres - c.unique);
    const pool = h.name.split('/', 1)[0] ?? h.name;
    unusedRefresByPool.set(pool, (unusedRefresByPool.get(pool) ?? 0) + ubr);
    const kids = childUsed.get(h.name) ?? { used: 0, lused: 0, charged: 0 };
    const charged = c.ubd + c.ubs + kids.charged;
    const lused = c.lubd + c.lubs + kids.lused;
    const used = c.ubd + c.ubs + ubr + kids.used;
    const referenced = sum(h.blocks, 'psize');
    const lref = sum(h.blocks, 'lsize');
    const snaps = snapsOf.get(h.name) ?? [];
    const latest = snaps.reduce<DatasetRecord | undefined>(
      (acc, s) => (acc === undefined || s.createtxg > acc.createtxg ? s : acc),
      undefined,
    );
    const inLatest = new Set(latest?.blocks ?? []);
    datasets.set(h.name, {
      used,
      referenced,
      available: undefined,
      usedbydataset: c.ubd,
      usedbysnapshots: c.ubs,
      usedbychildren: kids.used,
      usedbyrefreservation: ubr,
      logicalused: lused,
      logicalreferenced: lref,
      charged,
      compressratio: ratio100(lused, charged),
      refcompressratio: ratio100(lref, referenced),
      written: sum(
        h.blocks.filter((id) => !inLatest.has(id)),
        'psize',
      ),
    });
    const parent = parentOf(h.name);
    if (parent !== undefined) {
      const p = childUsed.get(parent) ?? { used: 0, lused: 0, charged: 0 };
      p.used += used;
      p.lused += lused;
      p.charged += charged;
      childUsed.set(parent, p);
    }
  }

  const pools = new Map<string, PoolSpace>();
  for (const pool of Object.values(z.pools)) {
    pools.set(
      pool.name,
      poolSpace(pool, groupsByPool.get(pool.name) ?? [], unusedRefresByPool.get(pool.name) ?? 0),
    );
  }

  // available, top-down: min(quota room, parent's room) + the dataset's own unused refreservation
  const room = new Map<string, number>();
  const topDown = [...order].reverse();
  for (const h of topDown) {
    const space = datasets.get(h.name);
    if (space === undefined) continue;
    const parent = parentOf(h.name);
    let limit = parent === undefined ? (pools.get(h.name)?.rootAvailable ?? 0) : (room.get(parent) ?? 0);
    const quota = numProp(z, h, 'quota');
    if (quota > 0) limit = Math.min(limit, Math.max(0, quota - space.used));
    room.set(h.name, limit);
    space.available = limit + space.usedbyrefreservation;
  }

  for (const s of all) {
    if (s.type !== 'snapshot') continue;
    const referenced = sum(s.blocks, 'psize');
    const lref = sum(s.blocks, 'lsize');
    const used = snapUsed.get(s.name) ?? 0;
    datasets.set(s.name, {
      used,
      referenced,
      available: undefined,
      usedbydataset: 0,
      usedbysnapshots: 0,
      usedbychildren: 0,
      usedbyrefreservation: 0,
      logicalused: 0,
      logicalreferenced: lref,
      charged: used,
      compressratio: ratio100(lref, referenced),
      refcompressratio: ratio100(lref, referenced),
      written: 0,
    });
  }
  return { datasets, pools };
}
