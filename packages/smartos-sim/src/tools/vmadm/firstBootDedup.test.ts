// A new zone's first boot in a pool with dedup on, read back through zpool and zfs: the files
// zoneinit writes alike in every zone of the image add DDT references (the seeded zones of
// base-64-lts 18.4.0 hold the same blocks), the zone's own files add DDT entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanupRoots, freshRoot, run } from '../../../test/simHarness.js';
import { simLayout } from '../../state/layout.js';
import { computeSpace, type PoolSpace } from '../../state/zfsAccounting.js';
import { readZfs } from '../../state/zfsStore.js';
import { runWithInput } from './testKit.js';
import { FIRST_BOOT_IMAGE_BYTES, FIRST_BOOT_UNIQUE_BYTES } from './vmDatasets.js';

const BASE_18 = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const RECORD = 128 * 1024;

afterAll(cleanupRoots);

function pool(root: string): PoolSpace {
  const p = computeSpace(readZfs(simLayout(root))).pools.get('zones');
  if (p === undefined) throw new Error('no pool zones');
  return p;
}

/** `dedup: DDT entries N, size …` of `zpool status -D`. */
async function ddtEntries(root: string): Promise<number> {
  const out = (await run(root, ['zpool', 'status', '-D', 'zones'])).stdout;
  return Number(/DDT entries (\d+),/.exec(out)?.[1]);
}

describe('a new zone’s first boot', () => {
  let root: string;
  let uuid: string;
  let before: PoolSpace;
  let entriesBefore: number;
  beforeAll(async () => {
    root = await freshRoot('office');
    before = pool(root);
    entriesBefore = await ddtEntries(root);
    const payload = { brand: 'joyent', image_uuid: BASE_18, alias: 'fresh', max_physical_memory: 128 };
    const created = await runWithInput(root, ['vmadm', 'create'], JSON.stringify(payload), {
      SMARTOS_SIM_SPEED: '100',
    });
    expect(created.code, created.stderr).toBe(0);
    uuid = /Successfully created VM (\S+)/.exec(created.stderr)?.[1] ?? '';
  });

  it('adds DDT entries only for its own files; the image’s first-boot files are one more reference', async () => {
    const after = pool(root);
    const ownBlocks = FIRST_BOOT_UNIQUE_BYTES / RECORD;
    const sharedBlocks = FIRST_BOOT_IMAGE_BYTES / RECORD;
    expect(after.ddtEntries - before.ddtEntries).toBe(ownBlocks);
    expect(await ddtEntries(root)).toBe(entriesBefore + ownBlocks);
    // the clone's image blocks and the shared first-boot blocks are referenced once more
    expect(after.ddtTotal.referenced.blocks - before.ddtTotal.referenced.blocks).toBeGreaterThan(
      ownBlocks + sharedBlocks,
    );
    expect(after.ddtTotal.allocated.blocks - before.ddtTotal.allocated.blocks).toBe(ownBlocks);
  });

  it('zpool list, zpool status -D and zfs list agree on the new figures', async () => {
    const after = pool(root);
    const listed = (await run(root, ['zpool', 'list', '-H', '-p', '-o', 'alloc,dedupratio', 'zones'])).stdout;
    expect(listed).toBe(`${after.alloc}\t${(after.dedupratio / 100).toFixed(2)}x\n`);
    const names = (await run(root, ['zfs', 'list', '-H', '-o', 'name'])).stdout.split('\n');
    expect(names).toContain(`zones/${uuid}`);
    const used = Number(
      (await run(root, ['zfs', 'get', '-H', '-p', '-o', 'value', 'used', `zones/${uuid}`])).stdout,
    );
    // its own first-boot files and the shared ones are charged to it (dataset accounting ignores dedup)
    expect(used).toBeGreaterThan(0);
    expect(after.alloc).toBeGreaterThan(before.alloc);
  });
});
