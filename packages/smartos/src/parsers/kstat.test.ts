import { describe, expect, it } from 'vitest';

import { fixture, fixturesFor } from '../../test/fixtureFiles.js';
import { ArcStats } from '../model/kstat.js';
import { kstatMap, parseArcStats, parseKstat } from './kstat.js';

describe('kstat -p', () => {
  it.each(fixturesFor('kstat').map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const entries = parseKstat(f.text);
    expect(entries.length).toBe(f.argv.length - 2);
    expect(kstatMap(entries).get('zfs:0:arcstats:size')).toBe('8429498368');
    const arc = parseArcStats(f.text);
    expect(arc.size).toBe(8429498368);
    expect(ArcStats.parse(arc)).toEqual(arc);
  });

  it('types the ARC statistics', () => {
    expect(parseArcStats(fixture('kstat-p-arcstats.txt').text)).toEqual({
      c: 8589934592,
      cMax: 15070191616,
      cMin: 536870912,
      hits: 912441205,
      l2Hits: 0,
      l2Misses: 0,
      l2Size: 0,
      mfuSize: 3221225472,
      misses: 20411733,
      mruSize: 4831838208,
      size: 8429498368,
    });
  });

  it('reads the whole arcstats kstat (class, crtime, other modules) and rejects junk', () => {
    const text =
      'zfs:0:arcstats:class\tmisc\nzfs:0:arcstats:crtime\t33.4\nzfs:0:arcstats:size\t1\nunix:0:system_misc:ncpus\t4\n';
    expect(parseArcStats(text)).toEqual({ size: 1 });
    expect(parseKstat(text)[3]).toEqual({
      module: 'unix',
      instance: 0,
      name: 'system_misc',
      statistic: 'ncpus',
      value: '4',
    });
    expect(() => parseKstat('no tab here\n')).toThrow(/no tab/);
  });
});
