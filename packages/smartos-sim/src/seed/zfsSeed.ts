// The ZFS of a seeded host: pool `zones` laid out as sysinfo says (office: a mirror of two
// 500 GB disks), SmartOS's standard datasets, a dataset (+ @final) per installed image and
// the datasets of every VM (zone roots cloned from their image, cores, delegated datasets,
// KVM `-diskN` / bhyve `/diskN` zvols, vmadm snapshots). Office figures are tuned to the
// fixtures (seed/officeZfs.ts); the large profile gets deterministic sizes.
import { isJsonObject, jsString, type JsonObject, type VmObject } from '../state/json.js';
import {
  clone,
  collectGroups,
  createFilesystem,
  createZvol,
  effectiveProp,
  emptyZfs,
  GiB,
  hasDataset,
  KiB,
  MiB,
  openDataset,
  snapshot,
  writeData,
  writeGroup,
  type VdevNode,
  type ZfsState,
} from '../state/zfsStore.js';

export interface ZfsSeedInput {
  sysinfo: JsonObject;
  vms: readonly VmObject[];
  images: readonly JsonObject[];
  /** exact pool size in bytes (default: sysinfo's "Zpool Size in GiB") */
  poolSizeBytes?: number;
  /** bytes of the data a zone or guest has written, by dataset name (default: from a hash) */
  dataBytes?: (dataset: string) => number;
  /** guests' zvols without refreservation (a big host whose disks are overcommitted) */
  thinDisks?: boolean;
  /** seeds vmadm's snapshots of each VM (default true) */
  vmSnapshots?: boolean;
  /** called for each image dataset after its data is written, before its @final snapshot */
  tuneImage?: (z: ZfsState, dataset: string) => void;
  /** when an image's @final snapshot was taken (default: the image's published_at) */
  finalSnapshotTime?: (dataset: string) => number | undefined;
  /** called once every VM's datasets exist */
  tuneVms?: (z: ZfsState) => void;
}

const POOL = 'zones';

function epoch(iso: JsonObject[string] | undefined, fallback: number): number {
  if (typeof iso !== 'string') return fallback;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? fallback : Math.floor(ms / 1000);
}

/** A stable number in [0, 1) from a string (FNV-1a), so sizes do not depend on order. */
export function hash01(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

function vdevTree(sysinfo: JsonObject): VdevNode {
  const disks = jsString(sysinfo['Zpool Disks']).split(',').filter(Boolean);
  const profile = jsString(sysinfo['Zpool Profile']);
  const leaf = (name: string): VdevNode => ({
    name,
    kind: 'disk',
    state: 'ONLINE',
    errors: { read: 0, write: 0, cksum: 0 },
    children: [],
  });
  const top: VdevNode[] =
    profile === 'mirror' || profile === 'raidz'
      ? [
          {
            name: profile === 'mirror' ? 'mirror-0' : 'raidz1-0',
            kind: profile === 'mirror' ? 'mirror' : 'raidz1',
            state: 'ONLINE',
            errors: { read: 0, write: 0, cksum: 0 },
            children: disks.map(leaf),
          },
        ]
      : disks.map(leaf);
  return {
    name: POOL,
    kind: 'root',
    state: 'ONLINE',
    errors: { read: 0, write: 0, cksum: 0 },
    children: top,
  };
}

function createPool(z: ZfsState, input: ZfsSeedInput): void {
  const sys = input.sysinfo;
  const creation = typeof sys['Zpool Creation'] === 'number' ? sys['Zpool Creation'] : 1551521201;
  const size = input.poolSizeBytes ?? Number(sys['Zpool Size in GiB'] ?? 449) * GiB;
  const end = Date.UTC(2024, 1, 4, 3, 12, 45);
  z.pools[POOL] = {
    name: POOL,
    guid: '11380430786542196361',
    creation,
    size,
    metaBytes: Math.floor(size / 2000),
    fragPercent: 21,
    ddtEntryOnDisk: 376,
    ddtEntryInCore: 183,
    vdev: vdevTree(sys),
    scan: {
      func: 'scrub',
      startMs: end - 4365_000,
      totalBytes: 0,
      rateBytesPerSec: 48 * MiB,
      durationSec: 4365,
      errors: 0,
    },
    props: {},
    io: { readOps: 12, writeOps: 48, readBytes: 402 * KiB, writeBytes: 1239 * KiB },
  };
  // the root dataset and what SmartOS creates on a new zones pool
  z.datasets[POOL] = {
    name: POOL,
    type: 'filesystem',
    createtxg: 1,
    creation,
    guid: '5129382645413920170',
    props: { compression: 'lzjb', dedup: 'on' },
    blocks: [],
  };
  const at = { now: creation };
  writeGroup(z, POOL, { key: null, lsize: 96 * KiB, psize: 96 * KiB, blocks: 6, dedup: false, meta: true });
  createFilesystem(z, `${POOL}/config`, { mountpoint: 'legacy' }, at);
  createFilesystem(z, `${POOL}/usbkey`, { mountpoint: 'legacy' }, at);
  createFilesystem(z, `${POOL}/cores`, { mountpoint: 'none', quota: String(10 * GiB) }, at);
  createFilesystem(z, `${POOL}/opt`, { mountpoint: 'legacy' }, at);
  createFilesystem(z, `${POOL}/var`, { mountpoint: '/var' }, at);
  createFilesystem(z, `${POOL}/archive`, {}, at);
  const ramMiB = Number(sys['MiB of Memory'] ?? 16384);
  const swap = ramMiB >= 64 * 1024 ? 64 * GiB : 32 * GiB;
  createZvol(z, `${POOL}/dump`, 4 * GiB, { refreservation: '0' }, at);
  createZvol(z, `${POOL}/swap`, swap, { refreservation: String(swap) }, at);
  writeData(z, `${POOL}/dump`, 4 * GiB - 56 * KiB, { compressibility: 1 });
  writeData(z, `${POOL}/swap`, 2 * MiB, { compressibility: 1 });
  writeData(z, `${POOL}/opt`, 2.7 * GiB, { compressibility: 1.8 });
  writeData(z, `${POOL}/var`, 6 * GiB, { compressibility: 3 });
  writeData(z, `${POOL}/config`, 600 * KiB, { compressibility: 4.5 });
  writeData(z, `${POOL}/usbkey`, 150 * KiB, { compressibility: 1 });
}

function imageDatasets(z: ZfsState, input: ZfsSeedInput, poolCreation: number): void {
  for (const m of input.images) {
    const uuid = jsString(m.uuid);
    const name = `${POOL}/${uuid}`;
    const files = Array.isArray(m.files) ? m.files : [];
    const first = files[0];
    const fileSize = isJsonObject(first) && typeof first.size === 'number' ? first.size : 100 * MiB;
    // the received stream is compressed with gzip/bzip2: the dataset holds ~3x the file
    const logical = fileSize * 3;
    const published = epoch(m.published_at, poolCreation);
    const at = { now: Math.max(poolCreation, published) };
    if (m.type === 'zvol') {
      const volsize = Number(m.image_size ?? 10240) * MiB;
      createZvol(z, name, volsize, {}, { ...at, sparse: true });
    } else {
      createFilesystem(z, name, {}, at);
    }
    const chunks = 8;
    for (let i = 0; i < chunks; i += 1)
      writeData(z, name, logical / chunks, { dedupKey: `image:${uuid}:${i}`, compressibility: 2.4 });
    input.tuneImage?.(z, name);
    snapshot(z, `${name}@final`, { now: input.finalSnapshotTime?.(name) ?? published });
  }
}

/** vmadm's snapshots of a VM: oldest first, with a little data written before each. */
function vmSnapshots(z: ZfsState, vm: VmObject, dataset: string): void {
  const snaps = Array.isArray(vm.snapshots) ? vm.snapshots.filter(isJsonObject) : [];
  const ordered = [...snaps].sort((a, b) => epoch(a.created_at, 0) - epoch(b.created_at, 0));
  for (const s of ordered) {
    writeData(z, dataset, 8 * MiB, { compressibility: 1.9 });
    snapshot(z, `${dataset}@vmsnap-${jsString(s.name)}`, { now: epoch(s.created_at, 0) });
  }
}

function provisionVm(z: ZfsState, vm: VmObject, input: ZfsSeedInput): void {
  const uuid = jsString(vm.uuid);
  const root = typeof vm.zfs_filesystem === 'string' ? vm.zfs_filesystem : `${POOL}/${uuid}`;
  const at = { now: epoch(vm.create_timestamp, z.pools[POOL]?.creation ?? 0) };
  const quota: Record<string, string> =
    typeof vm.quota === 'number' && vm.quota > 0 ? { quota: String(vm.quota * GiB) } : {};
  const bytes = input.dataBytes ?? ((ds: string) => (30 + hash01(ds) * 900) * MiB);
  const image = typeof vm.image_uuid === 'string' ? vm.image_uuid : undefined;
  const disks = Array.isArray(vm.disks) ? vm.disks.filter(isJsonObject) : [];

  if (image !== undefined && hasDataset(z, `${POOL}/${image}@final`)) {
    clone(z, `${POOL}/${image}@final`, root, quota, at);
    // first boot writes the same files in every zone of an image: they dedup
    writeData(z, root, 24 * MiB, { dedupKey: `image:${image}:firstboot`, compressibility: 2 });
  } else {
    createFilesystem(z, root, quota, at);
  }
  writeData(z, root, disks.length > 0 ? 32 * KiB : bytes(root), {
    compressibility: disks.length > 0 ? 1 : 1.9,
  });

  const delegated = Array.isArray(vm.datasets) ? vm.datasets.filter((d) => typeof d === 'string') : [];
  for (const ds of delegated) {
    createFilesystem(z, ds, { zoned: 'on' }, at);
    writeData(z, ds, bytes(ds) * 4, { compressibility: 1.15 });
  }

  for (const disk of disks) {
    const name = jsString(disk.zfs_filesystem);
    const sizeBytes = Number(disk.size ?? 10240) * MiB;
    const props: Record<string, string> = {};
    if (typeof disk.compression === 'string') props.compression = disk.compression;
    if (input.thinDisks === true) props.refreservation = '0';
    else if (typeof disk.refreservation === 'number')
      props.refreservation = String(disk.refreservation * MiB);
    if (typeof disk.block_size === 'number') props.volblocksize = String(disk.block_size);
    const img = typeof disk.image_uuid === 'string' ? disk.image_uuid : undefined;
    if (img !== undefined && hasDataset(z, `${POOL}/${img}@final`)) {
      clone(z, `${POOL}/${img}@final`, name, { volsize: String(sizeBytes), ...props }, at);
    } else {
      createZvol(z, name, sizeBytes, props, at);
    }
    writeData(z, name, bytes(name) * 3, { compressibility: 1.8 });
  }

  if (hasDataset(z, `${POOL}/cores`))
    createFilesystem(
      z,
      `${POOL}/cores/${uuid}`,
      { quota: String(100 * GiB), mountpoint: `/zones/${uuid}/cores` },
      at,
    );
  if (input.vmSnapshots !== false) vmSnapshots(z, vm, root);
}

/** Builds the ZFS state of a seeded host. */
export function seedZfs(input: ZfsSeedInput): ZfsState {
  const bootS = Number(input.sysinfo['Boot Time'] ?? 1707552050);
  const ramBytes = Number(input.sysinfo['MiB of Memory'] ?? 16384) * MiB;
  const cMax = Math.floor(ramBytes * 0.88);
  const c = Math.min(cMax, 8 * GiB > cMax ? Math.floor(cMax * 0.57) : 8 * GiB);
  const z = emptyZfs({
    bootMs: bootS * 1000,
    c,
    cMax,
    cMin: Math.max(64 * MiB, Math.floor(cMax / 28)),
    size: c - 160 * MiB,
    hits: 912441205,
    misses: 20411733,
    mfuSize: 3 * GiB,
    mruSize: 4.5 * GiB,
  });
  createPool(z, input);
  imageDatasets(z, input, z.pools[POOL]?.creation ?? 0);
  for (const vm of input.vms) provisionVm(z, vm, input);
  input.tuneVms?.(z);
  collectGroups(z);
  return z;
}

/**
 * Brings a dataset to exactly `refer` bytes referenced and a compressratio of `ratio100`/100
 * (ratio over what it is charged for, children included): drops its newest own data if it
 * already references more, then writes one group of the missing size.
 */
export function tuneDataset(
  z: ZfsState,
  name: string,
  refer: number,
  ratio100: number,
  opts: { dedupKey?: string } = {},
): void {
  const ds = openDataset(z, name, ['filesystem', 'volume']);
  const referOf = (): number => ds.blocks.reduce((t, id) => t + (z.groups[String(id)]?.psize ?? 0), 0);
  while (refer - referOf() < 4 * KiB) {
    // unique data goes first: identical (deduped) data is what the seed means to keep
    const own = (id: number, uniqueOnly: boolean): boolean => {
      const g = z.groups[String(id)];
      return g !== undefined && g.owner === name && g.meta !== true && (!uniqueOnly || g.key === null);
    };
    let idx = ds.blocks.findLastIndex((id) => own(id, true));
    if (idx < 0) idx = ds.blocks.findLastIndex((id) => own(id, false));
    if (idx < 0) break;
    ds.blocks.splice(idx, 1);
  }
  collectGroups(z);
  const missing = refer - referOf();
  if (missing <= 0) return;
  // the ratio over the dataset's own blocks (children have their own figures)
  let ownP = missing;
  let ownL = 0;
  for (const g of Object.values(z.groups)) {
    if (g.owner !== name) continue;
    ownP += g.psize;
    ownL += g.lsize;
  }
  const lsize = Math.max(missing, Math.ceil((ratio100 * ownP) / 100) - ownL);
  const blockSize = Number(ds.type === 'volume' ? (ds.props.volblocksize ?? 8192) : 131072);
  const dedup = (effectiveProp(z, name, 'dedup')?.value ?? 'off') !== 'off';
  writeGroup(z, name, {
    key: opts.dedupKey ?? null,
    lsize,
    psize: missing,
    blocks: Math.max(1, Math.ceil(lsize / blockSize)),
    dedup,
  });
}
