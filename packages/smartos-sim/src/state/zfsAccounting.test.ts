// zfsStore + zfsAccounting: every figure comes from the same blocks, so they agree.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { seedImages } from '../seed/installedImages.js';
import { officeSeed } from '../seed/office.js';
import { seedZfsFor } from '../seed/zfsProfiles.js';
import { zfs } from '../tools/zfs/zfs.js';
import { zpool } from '../tools/zpool/zpool.js';
import { simLayout } from './layout.js';
import { computeSpace, type PoolSpace } from './zfsAccounting.js';
import {
  clone,
  destroy,
  GiB,
  listSnapshots,
  MiB,
  rollback,
  snapshot,
  writeData,
  writeZfs,
  ZfsError,
  type ZfsState,
} from './zfsStore.js';

const IMAGE = 'zones/c193a558-1d63-11e9-97cf-97bb3ee5c14f';

function office(): ZfsState {
  return seedZfsFor('office', officeSeed(), seedImages('office'));
}

function pool(z: ZfsState): PoolSpace {
  const p = computeSpace(z).pools.get('zones');
  if (p === undefined) throw new Error('no pool');
  return p;
}

/** zones.used = what datasets are charged + unused refreservations; the pool allocates the
 *  charged bytes once per DDT entry, plus its own metadata. */
function expectConsistent(z: ZfsState): void {
  const space = computeSpace(z);
  const root = space.datasets.get('zones');
  const p = pool(z);
  let refres = 0;
  for (const [name, d] of space.datasets) if (!name.includes('@')) refres += d.usedbyrefreservation;
  expect(root).toBeDefined();
  if (root === undefined) return;
  const metaBytes = z.pools.zones?.metaBytes ?? 0;
  expect(root.used - refres - p.dedupSavings + metaBytes).toBe(p.alloc);
  expect(p.alloc + p.free).toBe(p.size);
  expect(p.ddtTotal.allocated.dsize).toBeLessThanOrEqual(p.alloc);
  const bucketSum = p.ddt.reduce((t, b) => t + b.referenced.dsize, 0);
  expect(bucketSum).toBe(p.ddtTotal.referenced.dsize);
  // dataset-level space: used + avail of the root = pool size - slop + dedup savings - metadata
  expect((root.available ?? 0) + root.used).toBe(
    p.size - Math.floor(p.size / 32) + p.dedupSavings - metaBytes,
  );
}

describe('zfs accounting', () => {
  it('the office pool: consistent, dedup 1.37x as the fixtures', () => {
    const z = office();
    expectConsistent(z);
    expect(pool(z).dedupratio).toBe(137);
  });

  it('cloning a zone from an image raises dedupratio and allocates only metadata', () => {
    const z = office();
    const before = pool(z);
    clone(z, `${IMAGE}@final`, 'zones/new-zone', { quota: String(10 * GiB) });
    const after = pool(z);
    expect(after.dedupratio).toBeGreaterThan(before.dedupratio);
    expect(after.alloc - before.alloc).toBe(96 * 1024);
    const ds = computeSpace(z).datasets.get('zones/new-zone');
    expect(ds?.referenced).toBe(computeSpace(z).datasets.get(`${IMAGE}@final`)?.referenced);
    expectConsistent(z);
  });

  it('a zone writing new data lowers dedupratio and grows alloc; the same data twice dedups', () => {
    const z = office();
    clone(z, `${IMAGE}@final`, 'zones/new-zone', {});
    const before = pool(z);
    writeData(z, 'zones/new-zone', 2 * GiB, { compressibility: 2 });
    const after = pool(z);
    expect(after.dedupratio).toBeLessThan(before.dedupratio);
    expect(after.alloc).toBeGreaterThan(before.alloc + GiB * 0.9);
    writeData(z, 'zones/new-zone', 5 * GiB, { dedupKey: 'same' });
    const once = pool(z);
    writeData(z, 'zones/cores', 5 * GiB, { dedupKey: 'same' });
    expect(pool(z).alloc).toBe(once.alloc);
    expect(pool(z).dedupratio).toBeGreaterThan(once.dedupratio);
    expectConsistent(z);
  });

  it('destroy frees: alloc returns to where it was', () => {
    const z = office();
    const before = pool(z);
    clone(z, `${IMAGE}@final`, 'zones/new-zone', {});
    writeData(z, 'zones/new-zone', 3 * GiB);
    snapshot(z, 'zones/new-zone@s1');
    writeData(z, 'zones/new-zone', GiB);
    expect(pool(z).alloc).toBeGreaterThan(before.alloc);
    expect(() => destroy(z, 'zones/new-zone')).toThrow(ZfsError);
    destroy(z, 'zones/new-zone', { recursive: true });
    expect(pool(z)).toEqual(before);
    expectConsistent(z);
  });

  it('snapshots: used is what only they hold; rollback needs destroyNewer past newer ones', () => {
    const z = office();
    const fs = 'zones/2321c688-e15e-4c6f-bc07-b2f7ff772c18';
    snapshot(z, `${fs}@a`);
    const referA = computeSpace(z).datasets.get(fs)?.referenced ?? 0;
    writeData(z, fs, 50 * MiB, { compressibility: 1 });
    snapshot(z, `${fs}@b`);
    expect(listSnapshots(z, fs).map((s) => s.name)).toEqual([`${fs}@a`, `${fs}@b`]);
    expect(computeSpace(z).datasets.get(`${fs}@a`)?.used).toBe(0);
    expect(() => rollback(z, `${fs}@a`)).toThrow(/more recent snapshots or bookmarks exist/);
    rollback(z, `${fs}@a`, { destroyNewer: true });
    expect(computeSpace(z).datasets.get(fs)?.referenced).toBe(referA);
    expect(listSnapshots(z, fs).map((s) => s.name)).toEqual([`${fs}@a`]);
    expectConsistent(z);
  });

  it('zfs list, zpool list and zpool status -D print the same figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfs-acct-'));
    try {
      const layout = simLayout(dir);
      const z = office();
      writeZfs(layout, z);
      const deps = { layout: () => layout };
      const alloc = Number((await zpool(['list', '-Hp', '-o', 'alloc', 'zones'], deps)).stdout);
      const dedup = (await zpool(['get', '-Hp', '-o', 'value', 'dedupratio', 'zones'], deps)).stdout.trim();
      const status = (await zpool(['status', '-D', 'zones'], deps)).stdout;
      const rootUsed = Number((await zfs(['get', '-Hp', '-o', 'value', 'used', 'zones'], deps)).stdout);
      const refres = (await zfs(['list', '-Hp', '-o', 'usedbyrefreservation'], deps)).stdout
        .trim()
        .split('\n')
        .reduce((t, v) => t + Number(v), 0);
      const p = pool(z);
      expect(alloc).toBe(p.alloc);
      expect(dedup).toBe('1.37x');
      expect(rootUsed - refres - p.dedupSavings + (z.pools.zones?.metaBytes ?? 0)).toBe(alloc);
      expect(status).toContain(` dedup: DDT entries ${p.ddtEntries}, size 376 on disk, 183 in core\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
