// The real `zfs` executable on a fresh office host against every zfs-* fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixtureArgv, freshRoot, run } from '../../../test/simHarness.js';

afterAll(cleanupRoots);

const POWERDNS = 'zones/024ab643-ed65-48ab-95f8-5e5976539bfa';

function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

/** Column widths and alignment of a header table: where each header starts and ends. */
function columnStarts(header: string): number[] {
  const starts: number[] = [];
  const re = /\S+/g;
  for (let m = re.exec(header); m !== null; m = re.exec(header)) starts.push(m.index);
  return starts;
}

describe('zfs on the office host (fixtures)', () => {
  let root: string;
  beforeAll(async () => {
    root = await freshRoot('office');
  });

  it('zfs list -H -p -o ...: every fixture dataset with its referenced bytes, mountpoint and ratio', async () => {
    const got = await run(root, fixtureArgv('zfs-list-Hp.txt'));
    expect(got.code).toBe(0);
    expect(got.stderr).toBe('');
    const byName = new Map(rows(got.stdout).map((r) => [r[0], r]));
    for (const want of rows(fixture('zfs-list-Hp.txt'))) {
      const have = byName.get(want[0]);
      expect(have, want[0]).toBeDefined();
      if (have === undefined) continue;
      expect(have).toHaveLength(6);
      // name, refer, mountpoint, compressratio: exact
      expect([have[0], have[3], have[4]], want[0]).toEqual([want[0], want[3], want[4]]);
      if (
        want[0] !== 'zones' &&
        want[0] !== 'zones/cores' &&
        want[0] !== 'zones/153831fc-2af9-44c8-9ba5-fad507337cc2'
      )
        expect(have[5], want[0]).toBe(want[5]);
      for (const i of [1, 2, 3]) expect(have[i], `${want[0]} col ${i}`).toMatch(/^\d+$/);
      expect(have[5]).toMatch(/^\d+\.\d\dx$/);
    }
    // leaf datasets whose used the fixture states consistently: exact
    for (const name of [
      'zones/2321c688-e15e-4c6f-bc07-b2f7ff772c18',
      'zones/3d6d023b-50f0-42e1-9a84-e1c558c16224',
      'zones/4cda7281-45e1-4485-8648-848f7211c938-disk0',
      'zones/4cda7281-45e1-4485-8648-848f7211c938-disk1',
      'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk1',
      'zones/c193a558-1d63-11e9-97cf-97bb3ee5c14f',
      'zones/swap',
      'zones/var',
    ]) {
      const want = rows(fixture('zfs-list-Hp.txt')).find((r) => r[0] === name);
      expect(byName.get(name)?.[1], name).toBe(want?.[1]);
    }
    // quota-limited zones: avail = quota - used, as in the fixture
    expect(byName.get('zones/2321c688-e15e-4c6f-bc07-b2f7ff772c18')?.[2]).toBe('5043650560');
    expect(byName.get('zones/3d6d023b-50f0-42e1-9a84-e1c558c16224')?.[2]).toBe('39298950759');
  });

  it('zfs list: header and columns in the fixture shape, widths from content', async () => {
    const got = await run(root, fixtureArgv('zfs-list.txt'));
    expect(got.code).toBe(0);
    const lines = got.stdout.trimEnd().split('\n');
    const wantLines = fixture('zfs-list.txt').trimEnd().split('\n');
    expect(lines[0]).toBe(wantLines[0]);
    const starts = columnStarts(lines[0] ?? '');
    const longest = Math.max(...lines.slice(1).map((l) => l.split(/\s+/)[0]?.length ?? 0));
    expect(starts[1]).toBe(longest + 2 + 5 - 'USED'.length);
    for (const line of lines.slice(1)) {
      expect(line).toMatch(
        /^\S+ +( *[\d.]+[KMGTP]?| {4}0) {2}( *[\d.]+[KMGTP]?) {2}( *[\d.]+[KMGTP]?) {2}\S+$/,
      );
    }
    // rows the fixture and this host share print identically
    const same = [
      'zones/024ab643-ed65-48ab-95f8-5e5976539bfa',
      'zones/2321c688-e15e-4c6f-bc07-b2f7ff772c18',
      'zones/3d6d023b-50f0-42e1-9a84-e1c558c16224',
    ];
    for (const name of same) {
      expect(lines.find((l) => l.startsWith(`${name} `))).toBe(
        wantLines.find((l) => l.startsWith(`${name} `)),
      );
    }
  });

  it('zfs list -t snapshot -H -p: exactly the fixture (plus the third image)', async () => {
    for (const name of ['zfs-list-t-snapshot-Hp.txt', 'zfs-list-t-snapshot-Hp-creation.txt']) {
      const got = await run(root, fixtureArgv(name));
      expect(got.code).toBe(0);
      const lines = got.stdout
        .split('\n')
        .filter((l) => !l.startsWith('zones/39f99738-9a4c-11ec-8e1c-3b65b9abc26a@'));
      expect(lines.join('\n')).toBe(fixture(name));
    }
  });

  it('zfs get -H -p on a zone: the fixture rows with sources', async () => {
    const got = await run(root, fixtureArgv('zfs-get-Hp.txt'));
    expect(got.code).toBe(0);
    const want = rows(fixture('zfs-get-Hp.txt'));
    const have = rows(got.stdout);
    expect(have.map((r) => [r[0], r[1], r[3]])).toEqual(want.map((r) => [r[0], r[1], r[3]]));
    const value = (rs: string[][], p: string): string | undefined => rs.find((r) => r[1] === p)?.[2];
    for (const p of ['compression', 'dedup', 'quota', 'recordsize'])
      expect(value(have, p)).toBe(value(want, p));
    expect(value(have, 'compressratio')).toMatch(/^\d\.\d\dx$/);
  });

  it('zfs get -H -p zones and zfs get (header widths): fixture shape', async () => {
    const hp = await run(root, fixtureArgv('zfs-get-Hp-zones.txt'));
    const want = rows(fixture('zfs-get-Hp-zones.txt'));
    expect(rows(hp.stdout).map((r) => [r[0], r[1], r[3]])).toEqual(want.map((r) => [r[0], r[1], r[3]]));
    const human = await run(root, fixtureArgv('zfs-get-zones.txt'));
    const lines = human.stdout.split('\n');
    const wantLines = fixture('zfs-get-zones.txt').split('\n');
    expect(lines[0]).toBe(wantLines[0]);
    expect(lines[1]).toBe(wantLines[1]);
    expect(lines[3]).toBe(wantLines[3]);
    expect(lines[2]).toMatch(/^zones {2}compressratio {2}\d\.\d\dx {10}-$/);
  });

  it('zfs snapshot, clone: silent success; the clone and snapshot appear', async () => {
    const r = await freshRoot('office');
    expect(await run(r, fixtureArgv('zfs-snapshot.txt'))).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await run(r, fixtureArgv('zfs-clone.txt'))).toEqual({ code: 0, stdout: '', stderr: '' });
    const list = await run(r, ['zfs', 'list', '-H', '-o', 'name,origin', `${POWERDNS}-clone`]);
    expect(list.stdout).toBe(`${POWERDNS}-clone\t${POWERDNS}@manual-1\n`);
    const again = await run(r, fixtureArgv('zfs-snapshot.txt'));
    expect(again).toEqual({
      code: 1,
      stdout: '',
      stderr: `cannot create snapshot '${POWERDNS}@manual-1': dataset already exists\n`,
    });
  });

  it('errors: the fixtures stderr and exit 1', async () => {
    for (const name of ['zfs-destroy-not-exist.stderr.txt', 'zfs-rollback-newer.stderr.txt']) {
      const got = await run(root, fixtureArgv(name.replace('.txt', '')));
      expect(got, name).toEqual({ code: 1, stdout: '', stderr: fixture(name) });
    }
  });

  it('rollback -r destroys the newer snapshots; destroy of a zone with snapshots needs -r', async () => {
    const r = await freshRoot('office');
    const busy = await run(r, ['zfs', 'destroy', POWERDNS]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toBe(
      `cannot destroy '${POWERDNS}': filesystem has children\nuse '-r' to destroy the following datasets:\n${POWERDNS}@vmsnap-before-upgrade\n${POWERDNS}@vmsnap-nightly\n`,
    );
    expect((await run(r, ['zfs', 'rollback', '-r', `${POWERDNS}@vmsnap-before-upgrade`])).code).toBe(0);
    const snaps = await run(r, ['zfs', 'list', '-t', 'snapshot', '-H', '-p', '-o', 'name,refer', POWERDNS]);
    expect(snaps.stdout).toBe(`${POWERDNS}@vmsnap-before-upgrade\t1932735283\n`);
    const head = await run(r, ['zfs', 'get', '-H', '-p', '-o', 'value', 'referenced', POWERDNS]);
    expect(head.stdout).toBe('1932735283\n');
    expect((await run(r, ['zfs', 'destroy', '-r', POWERDNS])).code).toBe(0);
    expect((await run(r, ['zfs', 'list', POWERDNS])).stderr).toBe(
      `cannot open '${POWERDNS}': dataset does not exist\n`,
    );
    const image = await run(r, ['zfs', 'destroy', 'zones/c193a558-1d63-11e9-97cf-97bb3ee5c14f@final']);
    expect(image.code).toBe(1);
    expect(image.stderr).toMatch(
      /^cannot destroy 'zones\/c193a558-1d63-11e9-97cf-97bb3ee5c14f@final': snapshot has dependent clones\nuse '-R' to destroy the following datasets:\nzones\/153831fc/,
    );
  });

  it('usage errors exit 2 with the usage text', async () => {
    const got = await run(root, ['zfs', 'list', '-x']);
    expect(got.code).toBe(2);
    expect(got.stderr.split('\n').slice(0, 3)).toEqual([
      "invalid option 'x'",
      'usage:',
      '\tlist [-Hp] [-r|-d max] [-o property[,...]] [-s property]...',
    ]);
    expect((await run(root, ['zfs', 'destroy'])).code).toBe(2);
    expect((await run(root, ['zfs', 'get', 'nosuchprop', 'zones'])).stderr).toMatch(
      /^bad property list: invalid property 'nosuchprop'\nusage:\n/,
    );
    expect((await run(root, ['zfs', 'bogus'])).code).toBe(2);
  });

  it('zfs list -s used / -S refer, -d 1 and -t volume', async () => {
    const vols = await run(root, ['zfs', 'list', '-H', '-o', 'name', '-t', 'volume', '-S', 'refer']);
    const names = vols.stdout.trim().split('\n');
    expect(names[0]).toMatch(/-disk1$/);
    expect(names).toContain('zones/swap');
    expect(names.every((n) => !n.includes('cores'))).toBe(true);
    const depth = await run(root, ['zfs', 'list', '-H', '-o', 'name', '-d', '1', 'zones/cores']);
    expect(depth.stdout.trim().split('\n')).toHaveLength(7);
  });
});
