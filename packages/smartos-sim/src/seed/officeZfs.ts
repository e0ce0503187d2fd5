// The office host's ZFS, tuned so `zfs list -p` gives the figures of the fixtures
// (zfs-list-Hp.txt, zfs-list-t-snapshot-Hp*.txt): referenced bytes and compressratio of every
// dataset, the snapshots of powerdns. What is computed from those (used of parents, avail,
// pool alloc, dedupratio) follows from the blocks; where the fixtures disagree with ZFS's
// accounting (a parent smaller than its child, avail above a parent's quota), ZFS wins.
import type { JsonObject, VmObject } from '../state/json.js';
import { openDataset, setProperty, snapshot, writeGroup, type ZfsState } from '../state/zfsStore.js';
import { seedZfs, tuneDataset } from './zfsSeed.js';

/** [dataset, referenced bytes, compressratio × 100] from fixtures/zfs-list-Hp.txt. */
const FIGURES: readonly (readonly [string, number, number])[] = [
  ['zones/153831fc-2af9-44c8-9ba5-fad507337cc2/data', 12884901888, 112],
  ['zones/153831fc-2af9-44c8-9ba5-fad507337cc2', 1288490188, 191],
  ['zones/2321c688-e15e-4c6f-bc07-b2f7ff772c18', 325058560, 191],
  ['zones/3d6d023b-50f0-42e1-9a84-e1c558c16224', 3650722201, 191],
  ['zones/4cda7281-45e1-4485-8648-848f7211c938', 131072, 100],
  ['zones/4cda7281-45e1-4485-8648-848f7211c938-disk0', 3221225472, 171],
  ['zones/4cda7281-45e1-4485-8648-848f7211c938-disk1', 9663676416, 236],
  ['zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5', 131072, 100],
  ['zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk0', 3221225472, 171],
  ['zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk1', 9663676416, 236],
  ['zones/archive', 98304, 100],
  ['zones/config', 221184, 448],
  ['zones/dump', 4294967296, 100],
  ['zones/opt', 1610612736, 182],
  ['zones/swap', 2162688, 100],
  ['zones/usbkey', 253952, 100],
  ['zones/var', 2147483648, 297],
  ['zones', 2097152, 100],
];

const FINAL_SNAPSHOT_TIMES: Readonly<Record<string, number>> = {
  'zones/ac99517a-72ac-44c0-90e6-c7ce3d944a0a': 1548065000,
  'zones/c193a558-1d63-11e9-97cf-97bb3ee5c14f': 1533842000,
};

const IMAGE_FIGURES: Readonly<Record<string, readonly [number, number]>> = {
  'zones/ac99517a-72ac-44c0-90e6-c7ce3d944a0a': [1142947840, 163],
  'zones/c193a558-1d63-11e9-97cf-97bb3ee5c14f': [505794560, 245],
};

// zfs-list-Hp: the guests' zvols reserve more than vmadm's disk sizes (volsize plus
// metadata, as zvol_volsize_to_reservation() does).
const REFRESERVATIONS: readonly (readonly [string, number])[] = [
  ['4cda7281-45e1-4485-8648-848f7211c938-disk0', 12],
  ['4cda7281-45e1-4485-8648-848f7211c938-disk1', 21],
  ['6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk0', 12],
  ['6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk1', 51],
];

// Identical data written independently in several datasets, which dedup makes one copy:
// elk's and OCS Inventory's guests run the same distribution (packages, rotated logs) on
// their data and boot disks; powerdns and MySQL installed the same pkgsrc packages.
const SHARED_DATA: readonly (readonly [readonly string[], string, number, number, number])[] = [
  [
    ['zones/4cda7281-45e1-4485-8648-848f7211c938-disk1', 'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk1'],
    'guest:ubuntu-18.04:data',
    8 * 1024 ** 3,
    2.3,
    8192,
  ],
  [
    ['zones/4cda7281-45e1-4485-8648-848f7211c938-disk0', 'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk0'],
    'guest:ubuntu-18.04:updates',
    1.5 * 1024 ** 3,
    1.7,
    8192,
  ],
  [
    ['zones/024ab643-ed65-48ab-95f8-5e5976539bfa', 'zones/3d6d023b-50f0-42e1-9a84-e1c558c16224'],
    'pkgsrc:2018Q4:server',
    1.25 * 1024 ** 3,
    1.9,
    131072,
  ],
];

/** powerdns: two vmadm snapshots with exactly the fixture's used and referenced bytes. */
function powerdnsSnapshots(z: ZfsState): void {
  const name = 'zones/024ab643-ed65-48ab-95f8-5e5976539bfa';
  const ds = openDataset(z, name);
  const write = (psize: number, ratio: number): number =>
    writeGroup(z, name, {
      key: null,
      lsize: Math.ceil(psize * ratio),
      psize,
      blocks: Math.ceil((psize * ratio) / 131072),
      dedup: true,
    });
  const drop = (id: number): void => {
    ds.blocks = ds.blocks.filter((b) => b !== id);
  };
  tuneDataset(z, name, 1932735283 - 1327104, 191);
  const g1 = write(1327104, 1.9);
  snapshot(z, `${name}@vmsnap-before-upgrade`, { now: 1707552000 });
  drop(g1);
  const g2 = write(417792, 1.9);
  const referNow = ds.blocks.reduce((t, id) => t + (z.groups[String(id)]?.psize ?? 0), 0);
  write(1940000000 - referNow, 1.9);
  snapshot(z, `${name}@vmsnap-nightly`, { now: 1707638400 });
  drop(g2);
  tuneDataset(z, name, 3650722201, 191);
}

export function officeZfs(
  sysinfo: JsonObject,
  vms: readonly VmObject[],
  images: readonly JsonObject[],
): ZfsState {
  return seedZfs({
    sysinfo,
    vms,
    images,
    poolSizeBytes: 494927872000,
    vmSnapshots: false,
    // zfs-list-t-snapshot-Hp-creation.txt
    finalSnapshotTime: (dataset) => FINAL_SNAPSHOT_TIMES[dataset],
    tuneImage: (z, dataset) => {
      const fig = IMAGE_FIGURES[dataset];
      if (fig !== undefined) tuneDataset(z, dataset, fig[0], fig[1], { dedupKey: `${dataset}:tuned` });
    },
    tuneVms: (z) => {
      for (const [datasets, key, bytes, ratio, blockSize] of SHARED_DATA) {
        for (const ds of datasets) {
          writeGroup(z, ds, {
            key,
            lsize: Math.round(bytes * ratio),
            psize: bytes,
            blocks: Math.round((bytes * ratio) / blockSize),
            dedup: true,
          });
        }
      }
      for (const [name, refer, ratio] of FIGURES) tuneDataset(z, name, refer, ratio);
      // zfs-list-Hp: the guests' zvols reserve more than vmadm's disk sizes (volsize plus
      // metadata, as zvol_volsize_to_reservation() does)
      for (const [disk, gib] of REFRESERVATIONS)
        setProperty(z, `zones/${disk}`, 'refreservation', String(gib * 1024 ** 3));
      for (const ds of Object.keys(z.datasets).filter((n) => n.startsWith('zones/cores/')))
        tuneDataset(z, ds, 98304, 100);
      powerdnsSnapshots(z);
    },
  });
}
