// The real `zpool` executable on a fresh office host against every zpool-* fixture, plus a
// scrub over simulated time and a degraded pool.
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixtureArgv, freshRoot, run } from '../../../test/simHarness.js';

afterAll(cleanupRoots);

describe('zpool on the office host (fixtures)', () => {
  let root: string;
  beforeAll(async () => {
    root = await freshRoot('office');
  });

  it('zpool status, status zones: byte for byte', async () => {
    for (const name of ['zpool-status.txt', 'zpool-status-mirror.txt']) {
      expect(await run(root, fixtureArgv(name)), name).toEqual({
        code: 0,
        stdout: fixture(name),
        stderr: '',
      });
    }
  });

  it('zpool status -D: the status part exactly, the DDT table in its shape', async () => {
    const got = await run(root, fixtureArgv('zpool-status-D.txt'));
    expect(got.code).toBe(0);
    const lines = got.stdout.split('\n');
    const want = fixture('zpool-status-D.txt').split('\n');
    expect(lines.slice(0, 13)).toEqual(want.slice(0, 13));
    expect(lines[13]).toMatch(/^ dedup: DDT entries \d+, size 376 on disk, 183 in core$/);
    expect(lines.slice(14, 19)).toEqual(want.slice(14, 19));
    const table = lines.slice(19, -2);
    const row =
      /^ {0,5}(\d+[KM]?|Total) {3}[ \d.KMG]{6} {3}[ \d.KMG]{5} {3}[ \d.KMG]{5} {3}[ \d.KMG]{5} {3}[ \d.KMG]{6} {3}[ \d.KMG]{5} {3}[ \d.KMG]{5} {3}[ \d.KMG]{5}$/;
    for (const l of table) expect(l).toMatch(row);
    expect(table.at(-1)).toMatch(/^ Total /);
    expect(table[0]).toMatch(/^ {5}1 /);
    expect(lines.at(-2)).toBe('');
    expect(got.stdout.endsWith('\n\n')).toBe(true);
  });

  it('zpool list: header exactly, the row in its shape with the fixture size and dedup', async () => {
    const got = await run(root, fixtureArgv('zpool-list.txt'));
    const [header, row] = got.stdout.split('\n');
    const [wantHeader, wantRow] = fixture('zpool-list.txt').split('\n');
    expect(header).toBe(wantHeader);
    expect(row).toMatch(
      /^zones {3}461G {2}[ \d.]{4}[KMGT] {2}[ \d.]{4}[KMGT] {8}- {9}- {4}21% {2}[ \d]{4}% {2}1\.37x {2}ONLINE {2}-$/,
    );
    expect(row?.length).toBe(wantRow?.length);
  });

  it('zpool list -H -p and zpool get: the fixture columns; dedupratio 1.37x', async () => {
    const hp = (await run(root, fixtureArgv('zpool-list-Hp.txt'))).stdout.trim().split('\t');
    const want = fixture('zpool-list-Hp.txt').trim().split('\t');
    expect(hp).toHaveLength(7);
    expect([hp[0], hp[1], hp[5], hp[6]]).toEqual([want[0], want[1], want[5], want[6]]);
    expect(Number(hp[2]) + Number(hp[3])).toBe(Number(hp[1]));
    expect(hp[4]).toBe(String(Math.floor((Number(hp[2]) * 100) / Number(hp[1]))));
    for (const name of ['zpool-get-Hp-dedupratio.txt', 'zpool-get-dedupratio.txt']) {
      expect(await run(root, fixtureArgv(name)), name).toEqual({
        code: 0,
        stdout: fixture(name),
        stderr: '',
      });
    }
  });

  it('zpool iostat -v: layout exactly, figures agree with zpool list', async () => {
    const got = await run(root, fixtureArgv('zpool-iostat-v.txt'));
    const lines = got.stdout.split('\n');
    const want = fixture('zpool-iostat-v.txt').split('\n');
    expect(lines.length).toBe(want.length);
    for (const i of [0, 1, 2, 5, 6, 7, 8]) expect(lines[i], `line ${i}`).toBe(want[i]);
    const list = (await run(root, ['zpool', 'list', '-H', '-o', 'alloc,free', 'zones'])).stdout
      .trim()
      .split('\t');
    expect(lines[3]).toBe(
      `${'zones'.padEnd(10)}  ${(list[0] ?? '').padStart(5)}  ${(list[1] ?? '').padStart(5)}     12     48   402K  1.21M`,
    );
  });

  it('zpool scrub: silent; busy while it runs; progress with SMARTOS_SIM_SPEED; then done', async () => {
    const r = await freshRoot('office');
    const fast = { SMARTOS_SIM_SPEED: '100' };
    expect(await run(r, fixtureArgv('zpool-scrub.txt'), fast)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await run(r, fixtureArgv('zpool-scrub-busy.stderr'), fast)).toEqual({
      code: 1,
      stdout: '',
      stderr: fixture('zpool-scrub-busy.stderr.txt'),
    });
    const first = (await run(r, ['zpool', 'status', 'zones'], fast)).stdout.split('\n');
    expect(first[2]).toMatch(/^ {2}scan: scrub in progress since \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
    expect(first[3]).toMatch(
      /^\t[\d.]+[KMG]? scanned at [\d.]+[KMG]?\/s, [\d.]+[KMG]? issued at [\d.]+[KMG]?\/s, [\d.]+[KMG] total$/,
    );
    expect(first[4]).toMatch(/^\t0 repaired, \d+\.\d\d% done, 0 days \d\d:\d\d:\d\d to go$/);
    expect(first[5]).toBe('config:');
    const pct = (l: string | undefined): number => Number(/([\d.]+)% done/.exec(l ?? '')?.[1]);
    await sleep(300);
    const second = (await run(r, ['zpool', 'status', 'zones'], fast)).stdout.split('\n');
    expect(pct(second[4])).toBeGreaterThan(pct(first[4]));
    // a million times faster: it is over
    const done = (await run(r, ['zpool', 'status', 'zones'], { SMARTOS_SIM_SPEED: '1000000' })).stdout.split(
      '\n',
    );
    expect(done[2]).toMatch(
      /^ {2}scan: scrub repaired 0 in 0 days \d\d:\d\d:\d\d with 0 errors on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/,
    );
    expect(done[3]).toBe('config:');
    expect((await run(r, ['zpool', 'scrub', 'zones'], { SMARTOS_SIM_SPEED: '1000000' })).code).toBe(0);
    expect(await run(r, ['zpool', 'scrub', '-s', 'zones'], fast)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const canceled = (await run(r, ['zpool', 'status', 'zones'])).stdout.split('\n');
    expect(canceled[2]).toMatch(/^ {2}scan: scrub canceled on /);
    expect(await run(r, ['zpool', 'scrub', '-s', 'zones'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cannot cancel scrubbing zones: there is no active scrub\n',
    });
  });

  it('a faulted disk: DEGRADED pool, UNAVAIL device, status/action lines; online repairs it', async () => {
    const r = await freshRoot('office');
    expect((await run(r, ['smartos-sim', 'fault-disk', 'zones', 'c1t1d0'])).code).toBe(0);
    const got = await run(r, ['zpool', 'status', 'zones']);
    expect(got.stdout).toBe(
      [
        '  pool: zones',
        ' state: DEGRADED',
        'status: One or more devices could not be opened.  Sufficient replicas exist for',
        '\tthe pool to continue functioning in a degraded state.',
        "action: Attach the missing device and online it using 'zpool online'.",
        '   see: http://illumos.org/msg/ZFS-8000-2Q',
        '  scan: scrub repaired 0 in 0 days 01:12:45 with 0 errors on Sun Feb  4 03:12:45 2024',
        'config:',
        '',
        '\tNAME        STATE     READ WRITE CKSUM',
        '\tzones       DEGRADED     0     0     0',
        '\t  mirror-0  DEGRADED     0     0     0',
        '\t    c1t0d0  ONLINE       0     0     0',
        '\t    c1t1d0  UNAVAIL      0     0     0  cannot open',
        '',
        'errors: No known data errors',
        '',
      ].join('\n'),
    );
    const list = await run(r, ['zpool', 'list']);
    expect(list.stdout.split('\n')[0]).toMatch(/ HEALTH {4}ALTROOT$/);
    expect(list.stdout.split('\n')[1]).toMatch(/ DEGRADED {2}-$/);
    expect((await run(r, ['zpool', 'status', '-x'])).stdout).toMatch(/^ {2}pool: zones\n state: DEGRADED\n/);
    expect((await run(r, ['zpool', 'online', 'zones', 'c1t1d0'])).code).toBe(0);
    expect(await run(r, ['zpool', 'status', '-x'])).toEqual({
      code: 0,
      stdout: 'all pools are healthy\n',
      stderr: '',
    });
  });

  it('errors: unknown pool exit 1, usage exit 2', async () => {
    expect(await run(root, ['zpool', 'status', 'tank'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "cannot open 'tank': no such pool\n",
    });
    const usage = await run(root, ['zpool', 'scrub']);
    expect(usage).toEqual({
      code: 2,
      stdout: '',
      stderr: 'missing pool name argument\nusage:\n\tscrub [-s | -p] <pool> ...\n',
    });
    expect((await run(root, ['zpool', 'list', '-o', 'bogus'])).code).toBe(2);
  });
});
