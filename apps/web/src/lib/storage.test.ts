import { describe, expect, it } from 'vitest';

import {
  arcHitRatio,
  arcSample,
  capacityTone,
  ddtDiskBytes,
  ddtRamBytes,
  formatBytes,
  formatPercent,
  formatRatio,
  hitRatios,
  keepLast,
  lifetimeHitRatio,
  parseHostTime,
  savings,
  scanFraction,
  scrubAge,
  spaceFigures,
} from './storage';

const GiB = 1024 ** 3;

describe('formatBytes', () => {
  it('uses binary units with three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KiB');
    expect(formatBytes(40 * 1024 * 1024)).toBe('40.0 MiB');
    expect(formatBytes(39.1 * GiB)).toBe('39.1 GiB');
    expect(formatBytes(461 * GiB)).toBe('461 GiB');
    expect(formatBytes(2 * 1024 * GiB)).toBe('2.00 TiB');
  });

  it('never prints four digits before the unit', () => {
    expect(formatBytes(1023.9 * 1024)).toBe('1.00 MiB');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('says "—" for a value the host did not print', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });

  it('keeps the sign', () => {
    expect(formatBytes(-2048)).toBe('-2.00 KiB');
  });
});

describe('ratios and percents', () => {
  it('prints ratios as zfs does', () => {
    expect(formatRatio(1.37)).toBe('1.37x');
    expect(formatRatio(1)).toBe('1.00x');
    expect(formatRatio(null)).toBe('—');
  });

  it('prints fractions as percent', () => {
    expect(formatPercent(0.8734)).toBe('87.3 %');
    expect(formatPercent(1, 0)).toBe('100 %');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('savings', () => {
  it('is logical minus physical', () => {
    expect(savings(100, 60)).toBe(40);
  });

  it('is never negative', () => {
    expect(savings(60, 100)).toBe(0);
  });
});

describe('spaceFigures', () => {
  it('goes from logical to allocated through the two ratios', () => {
    const f = spaceFigures({ allocatedBytes: 100 * GiB, dedupRatio: 1.5, compressRatio: 2 });
    expect(f.compressedBytes).toBe(150 * GiB);
    expect(f.logicalBytes).toBe(300 * GiB);
    expect(f.dedupSavedBytes).toBe(50 * GiB);
    expect(f.compressionSavedBytes).toBe(150 * GiB);
    expect(f.totalSavedBytes).toBe(200 * GiB);
  });

  it('saves nothing without ratios, or with ratios below 1', () => {
    const f = spaceFigures({ allocatedBytes: 100, dedupRatio: null, compressRatio: 0.9 });
    expect(f.logicalBytes).toBe(100);
    expect(f.totalSavedBytes).toBe(0);
  });

  it('agrees with the office pool: 39.1G at 1.37x and 1.83x is about the DDT’s 97.7G logical', () => {
    const f = spaceFigures({ allocatedBytes: 39.1 * GiB, dedupRatio: 1.37, compressRatio: 1.83 });
    expect(f.logicalBytes / GiB).toBeCloseTo(98, 0);
  });
});

describe('the dedup table', () => {
  it('costs entries × in-core bytes of RAM', () => {
    expect(ddtRamBytes({ entries: 4733573, sizeInCore: 183 })).toBe(866243859);
    expect(formatBytes(ddtRamBytes({ entries: 4733573, sizeInCore: 183 }))).toBe('826 MiB');
  });

  it('takes entries × on-disk bytes on disk', () => {
    expect(ddtDiskBytes({ entries: 10, sizeOnDisk: 376 })).toBe(3760);
  });
});

describe('parseHostTime', () => {
  it('reads the ctime zpool prints, as local time', () => {
    const d = parseHostTime('Sun Feb  4 03:12:45 2024');
    expect(d).toEqual(new Date(2024, 1, 4, 3, 12, 45));
  });

  it('reads ISO-8601', () => {
    expect(parseHostTime('2024-02-04T03:12:45Z')?.toISOString()).toBe('2024-02-04T03:12:45.000Z');
  });

  it('gives null for anything else', () => {
    expect(parseHostTime('yesterday')).toBeNull();
    expect(parseHostTime('Sun Foo  4 03:12:45 2024')).toBeNull();
  });
});

describe('scrubAge', () => {
  const now = new Date(2024, 1, 10, 12, 0, 0);
  const finished = (at: string, operation: 'scrub' | 'resilver' = 'scrub') =>
    ({ kind: 'finished', operation, repairedBytes: 0, durationSeconds: 60, errors: 0, at }) as const;

  it('is fresh within a week', () => {
    const age = scrubAge(finished('Sun Feb  4 03:12:45 2024'), now);
    expect(age.lastAt).toEqual(new Date(2024, 1, 4, 3, 12, 45));
    expect(age.stale).toBe(false);
  });

  it('is flagged past a week', () => {
    expect(scrubAge(finished('Fri Feb  2 11:59:00 2024'), now).stale).toBe(true);
  });

  it('is flagged when the pool was never scrubbed or the time cannot be read', () => {
    expect(scrubAge({ kind: 'none' }, now).stale).toBe(true);
    expect(scrubAge(finished('sometime'), now)).toEqual({ lastAt: null, stale: true });
  });

  it('is not flagged while a scrub runs', () => {
    const running = {
      kind: 'in-progress',
      operation: 'scrub',
      since: 'Sat Feb 10 11:00:00 2024',
      scannedBytes: 1,
      issuedBytes: 1,
      totalBytes: 2,
      repairedBytes: 0,
      percentDone: 50,
      etaSeconds: 10,
    } as const;
    expect(scrubAge(running, now).stale).toBe(false);
    expect(scanFraction(running)).toBe(0.5);
    expect(scanFraction({ ...running, percentDone: null, issuedBytes: 1, totalBytes: 4 })).toBe(0.25);
    expect(scanFraction({ ...running, percentDone: null, totalBytes: null })).toBeNull();
  });

  it('does not count a resilver as a scrub', () => {
    expect(scrubAge(finished('Sat Feb 10 11:00:00 2024', 'resilver'), now).stale).toBe(true);
  });
});

describe('ARC hit ratio', () => {
  it('is Δhits / (Δhits + Δmisses) between two samples', () => {
    expect(arcHitRatio({ at: 0, hits: 100, misses: 10 }, { at: 5000, hits: 190, misses: 20 })).toBe(0.9);
  });

  it('is null when nothing was read or the counters went back', () => {
    expect(arcHitRatio({ at: 0, hits: 100, misses: 10 }, { at: 1, hits: 100, misses: 10 })).toBeNull();
    expect(arcHitRatio({ at: 0, hits: 100, misses: 10 }, { at: 1, hits: 5, misses: 1 })).toBeNull();
  });

  it('makes samples only from stats with both counters', () => {
    expect(arcSample({ hits: 1, misses: 2 }, 7)).toEqual({ at: 7, hits: 1, misses: 2 });
    expect(arcSample({ hits: 1 }, 7)).toBeNull();
  });

  it('gives one ratio per pair of samples', () => {
    const s = [
      { at: 0, hits: 0, misses: 0 },
      { at: 1, hits: 3, misses: 1 },
      { at: 2, hits: 3, misses: 1 },
    ];
    expect(hitRatios(s)).toEqual([0.75, null]);
    expect(hitRatios(s.slice(0, 1))).toEqual([]);
  });

  it('has a lifetime ratio from the raw counters', () => {
    expect(lifetimeHitRatio(3, 1)).toBe(0.75);
    expect(lifetimeHitRatio(undefined, 1)).toBeNull();
    expect(lifetimeHitRatio(0, 0)).toBeNull();
  });
});

describe('keepLast', () => {
  it('appends and keeps the newest', () => {
    expect(keepLast([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    expect(keepLast([], 1, 3)).toEqual([1]);
  });
});

describe('capacityTone', () => {
  it('warns from 80 % and alarms from 90 %', () => {
    expect(capacityTone(8)).toBe('ok');
    expect(capacityTone(80)).toBe('warn');
    expect(capacityTone(95)).toBe('bad');
    expect(capacityTone(null)).toBe('ok');
  });
});
