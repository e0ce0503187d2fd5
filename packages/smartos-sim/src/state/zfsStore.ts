/**
 * The simulated host's ZFS: pools, datasets (filesystems, volumes, snapshots), their
 * properties and the blocks they hold, in one file `<root>/zfs.json`.
 *
 * API (all synchronous; call the mutators under the state lock, like tools/vmadm/power.ts):
 *
 *   const z = readZfs(layout);             // throws if zfs.json is missing
 *   createFilesystem(z, 'zones/<uuid>', { quota: String(10 * GiB) });
 *   createZvol(z, 'zones/<uuid>-disk0', 10 * GiB, { refreservation: String(10 * GiB) });
 *   snapshot(z, 'zones/<img>@final');                      // { recursive } like `zfs snapshot -r`
 *   clone(z, 'zones/<img>@final', 'zones/<uuid>', { quota: String(5 * GiB) });
 *   writeData(z, 'zones/<uuid>', 200 * MiB, { dedupKey: `image:${img}:firstboot` });
 *   freeData(z, 'zones/<uuid>', 50 * MiB);                 // a guest deleting files
 *   rollback(z, 'zones/<uuid>@vmsnap-x', { destroyNewer: true });
 *   destroy(z, 'zones/<uuid>', { recursive: true });       // also 'ds@snap'
 *   listSnapshots(z, 'zones/<uuid>');                      // oldest first (createtxg order)
 *   setProperty(z, name, 'quota', String(bytes)); inheritProperty(z, name, 'compression');
 *   hasDataset(z, name); getDataset(z, name);
 *   writeZfs(layout, z);                                   // atomic (temp + rename)
 *
 * Errors are thrown as `ZfsError`, whose `lines` are exactly what `zfs` prints on stderr for
 * that failure (e.g. `cannot open 'zones/x': dataset does not exist`), exit code 1.
 *
 * The model: every write creates a *block group* (`groups[id]`: logical size, physical size
 * after the dataset's compression, block count, dedup key). Datasets list the group ids
 * they reference; a snapshot freezes its dataset's list; a clone starts with its origin's
 * list. Groups written with dedup=on go through the DDT: live groups with the same dedup key
 * and size are one physical copy with a reference count. A clone references its origin's
 * deduped groups again through the DDT (refcount + 1: the clone's used equals its refer and
 * the pool's dedupratio rises, as this project's fixtures and office host show); groups
 * written without dedup are shared and stay charged to the origin, as ZFS charges clones. Every figure (`zfs list` used/refer/
 * avail, compressratio, `zpool list` alloc/free/cap/dedup, `zpool status -D` DDT histogram)
 * is computed from these groups by state/zfsAccounting.ts, so the tools always agree.
 * Property values are stored raw (sizes in bytes as decimal strings, as `zfs get -p` prints).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { writeFileAtomic } from './atomicWrite.js';
import type { SimLayout } from './layout.js';

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

export type DatasetType = 'filesystem' | 'volume' | 'snapshot';

/** A run of blocks written together (one `writeData`). */
export interface BlockGroup {
  /** Identical content marker: live dedup groups with the same key and size share one copy. */
  key: string | null;
  /** logical (uncompressed) bytes */
  lsize: number;
  /** physical bytes after compression (= allocated size, mirrors count one side) */
  psize: number;
  /** number of blocks (recordsize / volblocksize units): the DDT counts these */
  blocks: number;
  /** written while dedup was on: the group is in the DDT */
  dedup: boolean;
  /** the filesystem or volume it was born in: it is charged to that dataset's family */
  owner: string;
  /** the dataset's own metadata (objset, dnodes): never deduped, never shared by clones */
  meta?: true;
}

export interface DatasetRecord {
  name: string;
  type: DatasetType;
  createtxg: number;
  /** epoch seconds */
  creation: number;
  guid: string;
  /** locally set properties, raw values (`quota` = bytes, `compression` = 'lzjb', ...) */
  props: Record<string, string>;
  /** group ids: the head's for filesystems/volumes, frozen for snapshots */
  blocks: number[];
  /** clones: the origin snapshot */
  origin?: string;
}

export type VdevState = 'ONLINE' | 'DEGRADED' | 'FAULTED' | 'OFFLINE' | 'UNAVAIL' | 'REMOVED';

export interface VdevNode {
  name: string;
  kind: 'root' | 'mirror' | 'raidz1' | 'disk';
  /** own state; for disks the device state, for interior vdevs derived when printing */
  state: VdevState;
  errors: { read: number; write: number; cksum: number };
  children: VdevNode[];
}

export interface ScanRecord {
  func: 'scrub' | 'resilver';
  /** epoch ms when it started */
  startMs: number;
  /** epoch ms when it was cancelled, if it was */
  canceledMs?: number;
  /** bytes to examine (pool alloc when it started) */
  totalBytes: number;
  /** simulated bytes per (simulated) second */
  rateBytesPerSec: number;
  /** a finished scan recorded as history (seeded): seconds it took */
  durationSec?: number;
  errors: number;
}

export interface PoolRecord {
  name: string;
  guid: string;
  /** epoch seconds */
  creation: number;
  /** usable bytes (`zpool list` SIZE) */
  size: number;
  /** pool metadata not charged to any dataset (MOS, space maps): in ALLOC */
  metaBytes: number;
  fragPercent: number;
  /** DDT entry size (bytes) on disk and in core, for `zpool status -D` */
  ddtEntryOnDisk: number;
  ddtEntryInCore: number;
  vdev: VdevNode;
  scan: ScanRecord | null;
  /** locally set pool properties */
  props: Record<string, string>;
  /** average ops and bytes per second since boot, for `zpool iostat` */
  io: { readOps: number; writeOps: number; readBytes: number; writeBytes: number };
}

/** ARC figures kstat drifts from (see tools/kstat.ts). */
export interface ArcSeed {
  /** epoch ms the ARC figures are anchored at */
  bootMs: number;
  c: number;
  cMax: number;
  cMin: number;
  size: number;
  hits: number;
  misses: number;
  mfuSize: number;
  mruSize: number;
}

export interface ZfsState {
  version: 1;
  /** last txg handed out: creation order of datasets and snapshots */
  txg: number;
  nextGroup: number;
  pools: Record<string, PoolRecord>;
  datasets: Record<string, DatasetRecord>;
  groups: Record<string, BlockGroup>;
  arc: ArcSeed;
}

/** A failed zfs operation: `lines` is zfs's stderr, `code` its exit status. */
export class ZfsError extends Error {
  readonly lines: string[];
  readonly code: number;
  constructor(lines: string[], code = 1) {
    super(lines.join('\n'));
    this.name = 'ZfsError';
    this.lines = lines;
    this.code = code;
  }
}

export function zfsFile(layout: SimLayout): string {
  return join(layout.root, 'zfs.json');
}

export function readZfs(layout: SimLayout): ZfsState {
  const value = JSON.parse(readFileSync(zfsFile(layout), 'utf8')) as ZfsState;
  if (value.version !== 1) throw new Error(`${zfsFile(layout)}: unknown version`);
  return value;
}

export function writeZfs(layout: SimLayout, state: ZfsState): void {
  // compact: with thousands of datasets the file is read by every zfs/zpool run
  writeFileAtomic(zfsFile(layout), `${JSON.stringify(state)}\n`);
}

export function emptyZfs(arc: ArcSeed): ZfsState {
  return { version: 1, txg: 1, nextGroup: 1, pools: {}, datasets: {}, groups: {}, arc };
}

// ---------------------------------------------------------------- names

export function poolOf(name: string): string {
  return name.split(/[/@]/, 1)[0] ?? name;
}

export function parentOf(name: string): string | undefined {
  const at = name.indexOf('@');
  if (at >= 0) return name.slice(0, at);
  const slash = name.lastIndexOf('/');
  return slash < 0 ? undefined : name.slice(0, slash);
}

const COMPONENT = /^[A-Za-z0-9_.:-]+$/;

/** Why `name` is not a valid dataset name (libzfs zfs_validate_name), or undefined. */
export function invalidName(name: string, type: DatasetType): string | undefined {
  const at = name.indexOf('@');
  if (type === 'snapshot' && at < 0) return "missing '@' delimiter in snapshot name";
  if (type !== 'snapshot' && at >= 0) return "snapshot delimiter '@' is not expected here";
  const [fs = '', snap] = at >= 0 ? [name.slice(0, at), name.slice(at + 1)] : [name];
  if (snap !== undefined && (snap === '' || !COMPONENT.test(snap))) return 'invalid character in name';
  if (fs.split('/').some((c) => c === '')) return 'empty component in name';
  if (fs.split('/').some((c) => !COMPONENT.test(c))) return 'invalid character in name';
  if (name.length >= 256) return 'name is too long';
  return undefined;
}

// ---------------------------------------------------------------- lookups

export function hasDataset(z: ZfsState, name: string): boolean {
  return Object.hasOwn(z.datasets, name);
}

export function getDataset(z: ZfsState, name: string): DatasetRecord | undefined {
  return hasDataset(z, name) ? z.datasets[name] : undefined;
}

/** The dataset or `cannot open '<name>': dataset does not exist`. */
export function openDataset(z: ZfsState, name: string, types?: readonly DatasetType[]): DatasetRecord {
  const ds = getDataset(z, name);
  if (ds === undefined) throw new ZfsError([`cannot open '${name}': dataset does not exist`]);
  if (types !== undefined && !types.includes(ds.type))
    throw new ZfsError([`cannot open '${name}': operation not applicable to datasets of this type`]);
  return ds;
}

/** Snapshots of a filesystem or volume, oldest first. */
export function listSnapshots(z: ZfsState, dataset: string): DatasetRecord[] {
  const prefix = `${dataset}@`;
  return Object.values(z.datasets)
    .filter((d) => d.type === 'snapshot' && d.name.startsWith(prefix))
    .sort((a, b) => a.createtxg - b.createtxg);
}

/** Filesystems and volumes directly below `dataset`. */
export function listChildren(z: ZfsState, dataset: string): DatasetRecord[] {
  const prefix = `${dataset}/`;
  return Object.values(z.datasets).filter(
    (d) => d.type !== 'snapshot' && d.name.startsWith(prefix) && !d.name.slice(prefix.length).includes('/'),
  );
}

/** Filesystems and volumes that are clones of `snapshotName`. */
export function listClones(z: ZfsState, snapshotName: string): DatasetRecord[] {
  return Object.values(z.datasets)
    .filter((d) => d.origin === snapshotName)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// ---------------------------------------------------------------- properties

/** The property's raw value where it is set locally or inherited; undefined = default. */
export function effectiveProp(
  z: ZfsState,
  name: string,
  prop: string,
): { value: string; from: string } | undefined {
  let cur: string | undefined = name;
  while (cur !== undefined) {
    const ds = getDataset(z, cur);
    const v = ds?.props[prop];
    if (v !== undefined) return { value: v, from: cur };
    cur = parentOf(cur);
  }
  return undefined;
}

export function setProperty(z: ZfsState, name: string, prop: string, value: string): void {
  openDataset(z, name).props[prop] = value;
}

export function inheritProperty(z: ZfsState, name: string, prop: string): void {
  const ds = openDataset(z, name);
  delete ds.props[prop];
}

// ---------------------------------------------------------------- create

function nextTxg(z: ZfsState): number {
  z.txg += 1;
  return z.txg;
}

function newGuid(z: ZfsState, name: string): string {
  // deterministic per name and txg: a 64-bit decimal like ZFS guids
  let h = 0xcbf29ce484222325n;
  for (const ch of `${name}#${z.txg}`) {
    h ^= BigInt(ch.codePointAt(0) ?? 0);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString();
}

interface CreateOptions {
  /** epoch seconds; default now */
  now?: number;
}

function nowSeconds(opts?: CreateOptions): number {
  return opts?.now ?? Math.floor(Date.now() / 1000);
}

function checkCreatable(z: ZfsState, name: string, type: DatasetType): void {
  const why = invalidName(name, type);
  if (why !== undefined) throw new ZfsError([`cannot create '${name}': ${why}`]);
  if (hasDataset(z, name)) throw new ZfsError([`cannot create '${name}': dataset already exists`]);
  const parent = parentOf(name);
  if (parent === undefined) throw new ZfsError([`cannot create '${name}': missing dataset name`]);
  const p = getDataset(z, parent);
  if (p === undefined) throw new ZfsError([`cannot create '${name}': parent does not exist`]);
  if (p.type !== 'filesystem') throw new ZfsError([`cannot create '${name}': parent is not a filesystem`]);
}

/** Bytes of metadata a new, empty dataset references (ZFS: an empty filesystem refers 96K). */
export const EMPTY_FS_BYTES = 96 * KiB;
export const EMPTY_ZVOL_BYTES = 56 * KiB;

function addRecord(z: ZfsState, rec: Omit<DatasetRecord, 'createtxg' | 'guid'>): DatasetRecord {
  const createtxg = nextTxg(z);
  const full: DatasetRecord = { ...rec, createtxg, guid: newGuid(z, rec.name) };
  z.datasets[rec.name] = full;
  return full;
}

export function createFilesystem(
  z: ZfsState,
  name: string,
  props: Record<string, string> = {},
  opts?: CreateOptions,
): DatasetRecord {
  checkCreatable(z, name, 'filesystem');
  const ds = addRecord(z, {
    name,
    type: 'filesystem',
    creation: nowSeconds(opts),
    props: { ...props },
    blocks: [],
  });
  addMetadata(z, ds, EMPTY_FS_BYTES);
  return ds;
}

/** `zfs create -V size`: refreservation defaults to the volume size (unless given or sparse). */
export function createZvol(
  z: ZfsState,
  name: string,
  sizeBytes: number,
  props: Record<string, string> = {},
  opts?: CreateOptions & { sparse?: boolean },
): DatasetRecord {
  checkCreatable(z, name, 'volume');
  const all: Record<string, string> = { volsize: String(sizeBytes), ...props };
  if (all.volblocksize === undefined) all.volblocksize = String(8 * KiB);
  if (all.refreservation === undefined && opts?.sparse !== true) all.refreservation = String(sizeBytes);
  const ds = addRecord(z, { name, type: 'volume', creation: nowSeconds(opts), props: all, blocks: [] });
  addMetadata(z, ds, EMPTY_ZVOL_BYTES);
  return ds;
}

function addMetadata(z: ZfsState, ds: DatasetRecord, bytes: number): void {
  const id = z.nextGroup;
  z.nextGroup += 1;
  z.groups[String(id)] = {
    key: null,
    lsize: bytes,
    psize: bytes,
    blocks: Math.ceil(bytes / (16 * KiB)),
    dedup: false,
    owner: ds.name,
    meta: true,
  };
  ds.blocks.push(id);
}

/** Adds a group with exact sizes (seeds tune datasets to given figures with this). */
export function writeGroup(z: ZfsState, dataset: string, group: Omit<BlockGroup, 'owner'>): number {
  const ds = openDataset(z, dataset, ['filesystem', 'volume']);
  const id = z.nextGroup;
  z.nextGroup += 1;
  z.groups[String(id)] = { ...group, owner: dataset };
  ds.blocks.push(id);
  return id;
}

// ---------------------------------------------------------------- snapshots and clones

/** `zfs snapshot [-r] ds@snap`. */
export function snapshot(
  z: ZfsState,
  snapName: string,
  opts: CreateOptions & { recursive?: boolean } = {},
): DatasetRecord[] {
  const at = snapName.indexOf('@');
  const why = invalidName(snapName, 'snapshot');
  if (why !== undefined) throw new ZfsError([`cannot create snapshot '${snapName}': ${why}`]);
  const fs = snapName.slice(0, at);
  const short = snapName.slice(at + 1);
  openDataset(z, fs, ['filesystem', 'volume']);
  const targets = [fs, ...(opts.recursive === true ? descendants(z, fs).map((d) => d.name) : [])];
  for (const t of targets) {
    if (hasDataset(z, `${t}@${short}`))
      throw new ZfsError([`cannot create snapshot '${t}@${short}': dataset already exists`]);
  }
  const creation = nowSeconds(opts);
  const txg = nextTxg(z);
  return targets.map((t) => {
    const head = openDataset(z, t);
    const rec: DatasetRecord = {
      name: `${t}@${short}`,
      type: 'snapshot',
      createtxg: txg,
      creation,
      guid: newGuid(z, `${t}@${short}`),
      props: {},
      blocks: [...head.blocks],
    };
    z.datasets[rec.name] = rec;
    return rec;
  });
}

/** `zfs clone snap target`: the clone references the snapshot's blocks, charged to the origin. */
export function clone(
  z: ZfsState,
  snapName: string,
  target: string,
  props: Record<string, string> = {},
  opts?: CreateOptions,
): DatasetRecord {
  const snap = openDataset(z, snapName, ['snapshot']);
  const originHead = openDataset(z, parentOf(snapName) ?? snapName);
  const type: DatasetType = originHead.type === 'volume' ? 'volume' : 'filesystem';
  checkCreatable(z, target, type);
  const inherited: Record<string, string> = {};
  if (type === 'volume') {
    for (const k of ['volsize', 'volblocksize']) {
      const v = originHead.props[k];
      if (v !== undefined) inherited[k] = v;
    }
  }
  const rec = addRecord(z, {
    name: target,
    type,
    creation: nowSeconds(opts),
    props: { ...inherited, ...props },
    blocks: [],
    origin: snapName,
  });
  addMetadata(z, rec, type === 'volume' ? EMPTY_ZVOL_BYTES : EMPTY_FS_BYTES);
  for (const id of snap.blocks) {
    const g = z.groups[String(id)];
    if (g === undefined || g.meta === true) continue;
    if (!g.dedup) {
      rec.blocks.push(id);
      continue;
    }
    // the same content referenced again through the DDT
    if (g.key === null) g.key = `blk:${id}`;
    writeGroup(z, target, { key: g.key, lsize: g.lsize, psize: g.psize, blocks: g.blocks, dedup: true });
  }
  return rec;
}

// ---------------------------------------------------------------- data

const COMPRESSION_GAIN: Record<string, number> = {
  off: 0,
  lzjb: 1,
  on: 1,
  lz4: 1.08,
  zle: 0.3,
  gzip: 1.45,
};

/** The ratio `compression` achieves on data that lzjb compresses by `compressibility`. */
export function compressionRatio(compression: string, compressibility: number): number {
  const gain = COMPRESSION_GAIN[compression] ?? (compression.startsWith('gzip') ? 1.45 : 1);
  return 1 + Math.max(0, compressibility - 1) * gain;
}

export interface WriteOptions {
  /** identical-content marker: another live write with the same key and size dedups with it */
  dedupKey?: string;
  /** how well the data compresses under lzjb (1 = not at all); default 1.6 */
  compressibility?: number;
}

/** A zone or guest writing `logicalBytes` of new data into a filesystem or volume. */
export function writeData(
  z: ZfsState,
  dataset: string,
  logicalBytes: number,
  opts: WriteOptions = {},
): number {
  const ds = openDataset(z, dataset, ['filesystem', 'volume']);
  const compression = effectiveProp(z, dataset, 'compression')?.value ?? 'off';
  const dedup = (effectiveProp(z, dataset, 'dedup')?.value ?? 'off') !== 'off';
  const blockSize = Number(
    ds.type === 'volume'
      ? (ds.props.volblocksize ?? 8 * KiB)
      : (effectiveProp(z, dataset, 'recordsize')?.value ?? 128 * KiB),
  );
  const lsize = Math.max(0, Math.round(logicalBytes));
  const ratio = compressionRatio(compression, opts.compressibility ?? 1.6);
  const blocks = Math.max(1, Math.ceil(lsize / blockSize));
  // each block is allocated in whole 512-byte sectors
  const psize = Math.max(512 * blocks, Math.ceil(lsize / ratio / 512) * 512);
  const id = z.nextGroup;
  z.nextGroup += 1;
  z.groups[String(id)] = { key: opts.dedupKey ?? null, lsize, psize, blocks, dedup, owner: dataset };
  ds.blocks.push(id);
  return id;
}

/**
 * A guest deleting about `logicalBytes`: the newest groups born in this dataset leave its
 * head (snapshots still hold theirs). Returns the logical bytes actually freed.
 */
export function freeData(z: ZfsState, dataset: string, logicalBytes: number): number {
  const ds = openDataset(z, dataset, ['filesystem', 'volume']);
  let freed = 0;
  for (let i = ds.blocks.length - 1; i > 0 && freed < logicalBytes; i -= 1) {
    const id = ds.blocks[i];
    const g = id === undefined ? undefined : z.groups[String(id)];
    if (g === undefined || g.owner !== dataset) continue;
    freed += g.lsize;
    ds.blocks.splice(i, 1);
  }
  collectGroups(z);
  return freed;
}

/** Drops block groups no dataset or snapshot references any more. */
export function collectGroups(z: ZfsState): void {
  const live = new Set<number>();
  for (const ds of Object.values(z.datasets)) for (const id of ds.blocks) live.add(id);
  for (const id of Object.keys(z.groups)) {
    if (!live.has(Number(id))) delete z.groups[id];
  }
}

// ---------------------------------------------------------------- destroy and rollback

/** Filesystems and volumes below `name` (not snapshots), depth-first, parents first. */
export function descendants(z: ZfsState, name: string): DatasetRecord[] {
  const prefix = `${name}/`;
  return Object.values(z.datasets)
    .filter((d) => d.type !== 'snapshot' && d.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `zfs destroy [-r] name` for filesystems, volumes and snapshots. Without `recursive`,
 * children and snapshots make it fail as zfs does; dependent clones always do (no -R).
 */
export function destroy(z: ZfsState, name: string, opts: { recursive?: boolean } = {}): void {
  const at = name.indexOf('@');
  if (at >= 0) {
    const fs = name.slice(0, at);
    const short = name.slice(at + 1);
    if (!hasDataset(z, fs)) throw new ZfsError([`cannot open '${fs}': dataset does not exist`]);
    const targets = [fs, ...(opts.recursive === true ? descendants(z, fs).map((d) => d.name) : [])]
      .map((t) => `${t}@${short}`)
      .filter((s) => hasDataset(z, s));
    if (targets.length === 0)
      throw new ZfsError(['could not find any snapshots to destroy; check snapshot names.']);
    for (const s of targets) {
      const clones = listClones(z, s);
      if (clones.length > 0)
        throw new ZfsError([
          `cannot destroy '${s}': snapshot has dependent clones`,
          "use '-R' to destroy the following datasets:",
          ...clones.map((c) => c.name),
        ]);
    }
    for (const s of targets) delete z.datasets[s];
    collectGroups(z);
    return;
  }
  const ds = openDataset(z, name);
  const below = descendants(z, name);
  const family = [ds, ...below];
  const snaps = family.flatMap((d) => listSnapshots(z, d.name));
  const typeName = ds.type === 'volume' ? 'volume' : 'filesystem';
  if (parentOf(name) === undefined)
    throw new ZfsError([
      `cannot destroy '${name}': operation does not apply to pools`,
      `use 'zfs destroy -r ${name}' to destroy all datasets in the pool`,
      `use 'zpool destroy ${name}' to destroy the pool itself`,
    ]);
  if (opts.recursive !== true && (below.length > 0 || snaps.length > 0)) {
    const listed = [...below.map((d) => d.name), ...listSnapshots(z, name).map((s) => s.name)];
    throw new ZfsError([
      `cannot destroy '${name}': ${typeName} has children`,
      "use '-r' to destroy the following datasets:",
      ...listed,
    ]);
  }
  const familyNames = new Set([...family.map((d) => d.name), ...snaps.map((s) => s.name)]);
  const clones = snaps.flatMap((s) => listClones(z, s.name)).filter((c) => !familyNames.has(c.name));
  if (clones.length > 0)
    throw new ZfsError([
      `cannot destroy '${name}': ${typeName} has dependent clones`,
      "use '-R' to destroy the following datasets:",
      ...clones.map((c) => c.name),
    ]);
  for (const n of familyNames) delete z.datasets[n];
  collectGroups(z);
}

/** `zfs rollback [-r] ds@snap`: newer snapshots must go (`destroyNewer`, zfs's -r). */
export function rollback(z: ZfsState, snapName: string, opts: { destroyNewer?: boolean } = {}): void {
  const snap = openDataset(z, snapName, ['snapshot']);
  const fs = parentOf(snapName) ?? snapName;
  const head = openDataset(z, fs);
  const newer = listSnapshots(z, fs).filter((s) => s.createtxg > snap.createtxg);
  if (newer.length > 0 && opts.destroyNewer !== true)
    throw new ZfsError([
      `cannot rollback to '${snapName}': more recent snapshots or bookmarks exist`,
      "use '-r' to force deletion of the following snapshots and bookmarks:",
      ...newer.map((s) => s.name),
    ]);
  for (const s of newer) {
    const clones = listClones(z, s.name);
    if (clones.length > 0)
      throw new ZfsError([
        `cannot rollback to '${snapName}': clones of previous snapshots exist`,
        "use '-R' to force deletion of the following clones and dependents:",
        ...clones.map((c) => c.name),
      ]);
  }
  for (const s of newer) delete z.datasets[s.name];
  head.blocks = [...snap.blocks];
  collectGroups(z);
}
