import { describe, expect, it } from 'vitest';

import { fixture, fixturesFor, optionValue } from '../../test/fixtureFiles.js';
import { PoolIostat, PoolListEntry, PoolStatus, PropertyRow } from '../model/zpool.js';
import { parseHumanSize, parsePercent, parseRatio } from './humanSize.js';
import {
  parseZpoolGet,
  parseZpoolIostat,
  parseZpoolListParsable,
  parseZpoolListTable,
  parseZpoolStatus,
} from './zpool.js';
import { parseScanDuration } from './zpoolStatus.js';

describe('human sizes, ratios and percents', () => {
  it.each<[string, number | null]>([
    ['1.37G', Math.round(1.37 * 2 ** 30)],
    ['96.0K', 98304],
    ['500G', 500 * 2 ** 30],
    ['0', 0],
    ['0B', 0],
    ['214748364800', 214748364800],
    ['38.0 MiB', 38 * 2 ** 20],
    ['-', null],
    ['none', null],
  ])('%s → %s', (text, bytes) => {
    expect(parseHumanSize(text)).toBe(bytes);
  });

  it('reads ratios and percents with and without their suffix', () => {
    expect(parseRatio('1.37x')).toBe(1.37);
    expect(parseRatio('1.00')).toBe(1);
    expect(parsePercent('21%')).toBe(21);
    expect(parsePercent('43')).toBe(43);
    expect(parsePercent('-')).toBeNull();
  });

  it('rejects what is not a size', () => {
    expect(() => parseHumanSize('lots')).toThrow(/not a size/);
  });
});

describe('zpool list', () => {
  it('reads -H -p -o on every fixture', () => {
    for (const f of fixturesFor('zpool', 'list').filter((x) => x.argv.includes('-H'))) {
      const fields = (optionValue(f.argv, '-o') ?? '').split(',');
      const pools = parseZpoolListParsable(f.text, fields);
      expect(pools).toHaveLength(1);
      expect(pools[0]).toMatchObject({
        name: 'zones',
        sizeBytes: 494927872000,
        allocatedBytes: 214748364800,
        freeBytes: 280179507200,
        capacityPercent: 43,
        dedupRatio: 1.37,
        health: 'ONLINE',
      });
      for (const p of pools) expect(PoolListEntry.parse(p)).toEqual(p);
    }
  });

  it('keeps frag % and ratio x with -p', () => {
    const [pool] = parseZpoolListParsable('tank\t1000\t21%\t1.00x\tDEGRADED\n', [
      'name',
      'size',
      'frag',
      'dedupratio',
      'health',
    ]);
    expect(pool).toMatchObject({ fragmentationPercent: 21, dedupRatio: 1, health: 'DEGRADED' });
  });

  it('reads the default table', () => {
    const pools = parseZpoolListTable(fixture('zpool-list.txt').text);
    expect(pools).toEqual([
      {
        name: 'zones',
        sizeBytes: 461 * 2 ** 30,
        allocatedBytes: 200 * 2 ** 30,
        freeBytes: 261 * 2 ** 30,
        checkpointBytes: null,
        expandSizeBytes: null,
        fragmentationPercent: 21,
        capacityPercent: 43,
        dedupRatio: 1.37,
        health: 'ONLINE',
        altroot: null,
        raw: expect.objectContaining({ name: 'zones', frag: '21%' }) as unknown,
      },
    ]);
  });

  it('reads a table of another host: older columns, several pools, wide names', () => {
    const text = [
      'NAME                 SIZE  ALLOC   FREE  EXPANDSZ   FRAG    CAP  DEDUP  HEALTH  ALTROOT',
      'data                10.9T  8.12T  2.76T         -    38%    74%  1.00x  ONLINE  -',
      'zones-on-ssd-pool    928G   500G   428G         -     4%    53%  1.00x  DEGRADED  /a',
      '',
    ].join('\n');
    const pools = parseZpoolListTable(text);
    expect(pools.map((p) => [p.name, p.capacityPercent, p.health, p.altroot])).toEqual([
      ['data', 74, 'ONLINE', null],
      ['zones-on-ssd-pool', 53, 'DEGRADED', '/a'],
    ]);
    expect(pools[0]?.sizeBytes).toBe(Math.round(10.9 * 2 ** 40));
  });
});

describe('zpool get', () => {
  it('reads every fixture, tabbed and table', () => {
    for (const f of fixturesFor('zpool', 'get')) {
      const rows = parseZpoolGet(f.text);
      expect(rows).toEqual([{ name: 'zones', property: 'dedupratio', value: '1.37x', source: '-' }]);
      for (const r of rows) expect(PropertyRow.parse(r)).toEqual(r);
    }
  });
});

describe('zpool status', () => {
  const tree = {
    name: 'zones',
    state: 'ONLINE',
    read: 0,
    write: 0,
    cksum: 0,
    message: null,
    children: [
      {
        name: 'mirror-0',
        state: 'ONLINE',
        read: 0,
        write: 0,
        cksum: 0,
        message: null,
        children: ['c1t0d0', 'c1t1d0'].map((name) => ({
          name,
          state: 'ONLINE',
          read: 0,
          write: 0,
          cksum: 0,
          message: null,
          children: [],
        })),
      },
    ],
  };

  it.each(fixturesFor('zpool', 'status').map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const pools = parseZpoolStatus(f.text);
    expect(pools).toHaveLength(1);
    const pool = pools[0];
    expect(pool).toMatchObject({
      pool: 'zones',
      state: 'ONLINE',
      status: null,
      action: null,
      scan: {
        kind: 'finished',
        operation: 'scrub',
        repairedBytes: 0,
        durationSeconds: 4365,
        errors: 0,
        at: 'Sun Feb  4 03:12:45 2024',
      },
      config: [tree],
      errors: 'No known data errors',
    });
    expect(PoolStatus.parse(pool)).toEqual(pool);
    if (f.argv.includes('-D')) {
      expect(pool?.ddt).toMatchObject({ entries: 1953214, sizeOnDisk: 376, sizeInCore: 183 });
      expect(pool?.ddt?.histogram.map((r) => r.refcnt)).toEqual([1, 2, 4, 8, 16, 32, 64]);
      expect(pool?.ddt?.histogram[1]).toEqual({
        refcnt: 2,
        allocated: {
          blocks: 287 * 1024,
          lsizeBytes: Math.round(26.4 * 2 ** 30),
          psizeBytes: Math.round(17.9 * 2 ** 30),
          dsizeBytes: Math.round(17.9 * 2 ** 30),
        },
        referenced: {
          blocks: 621 * 1024,
          lsizeBytes: Math.round(57.2 * 2 ** 30),
          psizeBytes: Math.round(38.8 * 2 ** 30),
          dsizeBytes: Math.round(38.8 * 2 ** 30),
        },
      });
      expect(pool?.ddt?.total?.referenced.lsizeBytes).toBe(226 * 2 ** 30);
    } else {
      expect(pool?.ddt).toBeNull();
    }
  });

  it('reads a degraded raidz pool with logs, cache, spares, a scrub in progress and -v errors', () => {
    const text = [
      '  pool: tank',
      ' state: DEGRADED',
      'status: One or more devices could not be opened.  Sufficient replicas exist for',
      '\tthe pool to continue functioning in a degraded state.',
      "action: Attach the missing device and online it using 'zpool online'.",
      '   see: http://illumos.org/msg/ZFS-8000-2Q',
      '  scan: scrub in progress since Mon Mar  4 10:00:01 2024',
      '\t1.23T scanned at 512M/s, 1.01T issued at 420M/s, 2.70T total',
      '\t0 repaired, 37.41% done, 0 days 01:10:05 to go',
      'config:',
      '',
      '\tNAME                       STATE     READ WRITE CKSUM',
      '\ttank                       DEGRADED     0     0     0',
      '\t  raidz2-0                 DEGRADED     0     0     0',
      '\t    c0t5000C500A1B2C3D4d0  ONLINE       0     0     0',
      '\t    c0t5000C500A1B2C3D5d0  UNAVAIL      0     0     0  cannot open',
      '\t    c0t5000C500A1B2C3D6d0  ONLINE       0     0 1.21K  too many errors',
      '\tlogs',
      '\t  c2t0d0                   ONLINE       0     0     0',
      '\tcache',
      '\t  c2t1d0                   ONLINE       0     0     0',
      '\tspares',
      '\t  c0t5000C500A1B2C3D7d0    AVAIL',
      '',
      'errors: Permanent errors have been detected in the following files:',
      '',
      '        tank/data:/a/b.txt',
      '',
    ].join('\n');
    const [pool] = parseZpoolStatus(text);
    expect(pool).toMatchObject({
      pool: 'tank',
      state: 'DEGRADED',
      status:
        'One or more devices could not be opened.  Sufficient replicas exist for the pool to continue functioning in a degraded state.',
      see: 'http://illumos.org/msg/ZFS-8000-2Q',
      scan: {
        kind: 'in-progress',
        operation: 'scrub',
        since: 'Mon Mar  4 10:00:01 2024',
        scannedBytes: Math.round(1.23 * 2 ** 40),
        issuedBytes: Math.round(1.01 * 2 ** 40),
        totalBytes: Math.round(2.7 * 2 ** 40),
        repairedBytes: 0,
        percentDone: 37.41,
        etaSeconds: 4205,
      },
      errors: 'Permanent errors have been detected in the following files:\ntank/data:/a/b.txt',
    });
    expect(pool?.config.map((v) => [v.name, v.state, v.children.length])).toEqual([
      ['tank', 'DEGRADED', 1],
      ['logs', null, 1],
      ['cache', null, 1],
      ['spares', null, 1],
    ]);
    const disks = pool?.config[0]?.children[0]?.children ?? [];
    expect(disks.map((d) => [d.state, d.cksum, d.message])).toEqual([
      ['ONLINE', 0, null],
      ['UNAVAIL', 0, 'cannot open'],
      ['ONLINE', 1239, 'too many errors'],
    ]);
    expect(pool?.config[3]?.children[0]).toMatchObject({ state: 'AVAIL', read: null });
  });

  it.each<[string, unknown]>([
    ['none requested', { kind: 'none' }],
    [
      'scrub repaired 0 in 1h12m with 0 errors on Sun Feb  4 03:12:45 2018',
      { kind: 'finished', durationSeconds: 4320, repairedBytes: 0 },
    ],
    [
      'resilvered 1.50G in 0 days 00:10:00 with 0 errors on Tue Mar  5 09:00:00 2024',
      { kind: 'finished', operation: 'resilver', repairedBytes: 1.5 * 2 ** 30, durationSeconds: 600 },
    ],
    ['scrub canceled on Tue Mar  5 09:00:00 2024', { kind: 'canceled', at: 'Tue Mar  5 09:00:00 2024' }],
    [
      'scrub paused since Tue Mar  5 09:00:00 2024\n\tscrub started on Tue Mar  5 08:00:00 2024',
      { kind: 'paused', startedAt: 'Tue Mar  5 08:00:00 2024' },
    ],
    [
      'resilver in progress since Tue Mar  5 09:00:00 2024\n\t12.0G scanned out of 100G at 50M/s, 0h30m to go\n\t11.0G resilvered, 12.00% done',
      {
        kind: 'in-progress',
        operation: 'resilver',
        totalBytes: 100 * 2 ** 30,
        etaSeconds: 1800,
        percentDone: 12,
      },
    ],
    ['something new', { kind: 'unknown', text: 'something new' }],
  ])('scan: %s', (scan, expected) => {
    const [pool] = parseZpoolStatus(` pool: p\n state: ONLINE\n  scan: ${scan}\nconfig:\n\nerrors: none\n`);
    expect(pool?.scan).toMatchObject(expected as object);
  });

  it('reads durations', () => {
    expect(parseScanDuration('2 days 00:00:01')).toBe(172801);
    expect(parseScanDuration('00:00:02')).toBe(2);
    expect(parseScanDuration('soon')).toBeNull();
  });

  it('reads several pools and no pools', () => {
    const one = fixture('zpool-status.txt').text;
    expect(parseZpoolStatus(`${one}\n${one.replace(/zones/g, 'data')}`).map((p) => p.pool)).toEqual([
      'zones',
      'data',
    ]);
    expect(parseZpoolStatus('no pools available\n')).toEqual([]);
    expect(() => parseZpoolStatus('garbage\n')).toThrow(/no "pool:" line/);
  });
});

describe('zpool iostat', () => {
  it('reads -v as a tree', () => {
    const pools = parseZpoolIostat(fixture('zpool-iostat-v.txt').text);
    expect(pools).toHaveLength(1);
    const zones = pools[0];
    expect(zones).toMatchObject({
      name: 'zones',
      allocatedBytes: 200 * 2 ** 30,
      freeBytes: 261 * 2 ** 30,
      readOps: 12,
      writeOps: 48,
      readBytesPerSec: 402 * 1024,
      writeBytesPerSec: Math.round(1.21 * 2 ** 20),
    });
    expect(zones?.children[0]?.name).toBe('mirror-0');
    expect(zones?.children[0]?.children.map((d) => [d.name, d.allocatedBytes, d.readOps])).toEqual([
      ['c1t0d0', null, 6],
      ['c1t1d0', null, 6],
    ]);
    for (const p of pools) expect(PoolIostat.parse(p)).toEqual(p);
  });
});
