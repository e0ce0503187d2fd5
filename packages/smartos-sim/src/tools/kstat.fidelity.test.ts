// The real `kstat` against the kstat-* fixtures: the ARC's statistics, moving over time.
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixtureArgv, freshRoot, run } from '../../test/simHarness.js';

afterAll(cleanupRoots);

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .trim()
      .split('\n')
      .map((l) => l.split('\t') as [string, string]),
  );
}

describe('kstat', () => {
  let root: string;
  beforeAll(async () => {
    root = await freshRoot('office');
  });

  it('kstat -p <11 statistics>: the fixture lines in order, constants equal, all integers', async () => {
    const got = await run(root, fixtureArgv('kstat-p-arcstats.txt'));
    expect(got.code).toBe(0);
    const have = parse(got.stdout);
    const want = parse(fixture('kstat-p-arcstats.txt'));
    expect([...have.keys()]).toEqual([...want.keys()]);
    for (const v of have.values()) expect(v).toMatch(/^\d+$/);
    for (const k of ['zfs:0:arcstats:l2_hits', 'zfs:0:arcstats:l2_misses', 'zfs:0:arcstats:l2_size'])
      expect(have.get(k)).toBe(want.get(k));
    const c = Number(have.get('zfs:0:arcstats:c'));
    const size = Number(have.get('zfs:0:arcstats:size'));
    expect(size).toBeLessThanOrEqual(c);
    expect(size).toBeGreaterThan(c * 0.9);
    expect(Number(have.get('zfs:0:arcstats:c_max'))).toBeGreaterThan(c);
  });

  it('kstat -p zfs:0:arcstats:size: one line in the fixture shape', async () => {
    const got = await run(root, fixtureArgv('kstat-p-arcstats-size.txt'));
    expect(got.stdout).toMatch(/^zfs:0:arcstats:size\t\d+\n$/);
  });

  it('kstat -p zfs:0:arcstats: every statistic sorted, with class, crtime and snaptime', async () => {
    const got = await run(root, ['kstat', '-p', 'zfs:0:arcstats']);
    const keys = got.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t')[0] ?? '');
    expect(keys).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(70);
    const map = parse(got.stdout);
    expect(map.get('zfs:0:arcstats:class')).toBe('misc');
    expect(map.get('zfs:0:arcstats:snaptime')).toMatch(/^\d+\.\d{9}$/);
  });

  it('hits and misses grow as (simulated) time passes', async () => {
    const argv = ['kstat', '-p', 'zfs:0:arcstats:hits', 'zfs:0:arcstats:misses'];
    const a = parse((await run(root, argv, { SMARTOS_SIM_SPEED: '100' })).stdout);
    await sleep(50);
    const b = parse((await run(root, argv, { SMARTOS_SIM_SPEED: '100' })).stdout);
    expect(Number(b.get('zfs:0:arcstats:hits'))).toBeGreaterThan(Number(a.get('zfs:0:arcstats:hits')));
    expect(Number(b.get('zfs:0:arcstats:misses'))).toBeGreaterThanOrEqual(
      Number(a.get('zfs:0:arcstats:misses')),
    );
  });

  it('no match: exit 1, nothing printed; bad option: exit 2', async () => {
    expect(await run(root, ['kstat', '-p', 'unix:0:nosuch'])).toEqual({ code: 1, stdout: '', stderr: '' });
    const bad = await run(root, ['kstat', '-Z']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('kstat: illegal option -- Z');
  });
});
