// Pure figures for the storage page: bytes, ratios, what dedup and compression save, what the
// dedup table costs in RAM, how old the last scrub is, the ARC hit ratio. Tested in storage.test.ts.
import type { ArcStats, PoolStatus } from '@zonedeck/api/schemas';

// The contract exports the pool status whole; its parts are named here.
export type PoolScan = PoolStatus['scan'];
export type DedupTable = NonNullable<PoolStatus['ddt']>;
export type PoolVdev = PoolStatus['config'][number];

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/**
 * Bytes in binary units with three significant digits, as zfs and zpool round them:
 * 512 → "512 B", 1536 → "1.50 KiB", 41_943_040 → "40.0 MiB", 495_000_000_000 → "461 GiB".
 * null / undefined (a column the host did not print) → "—".
 */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${sign}${Math.round(value)} B`;
  // 1023.6 KiB would print as "1024 KiB": step up instead.
  if (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${sign}${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** A zfs ratio as zfs prints it: 1.37 → "1.37x"; null → "—". */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${ratio.toFixed(2)}x`;
}

/** 0.8734 → "87.3 %"; null → "—". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** What a space-saving feature saves: the logical size minus the physical one, never below 0. */
export function savings(logicalBytes: number, physicalBytes: number): number {
  return Math.max(0, logicalBytes - physicalBytes);
}

export interface SpaceFigures {
  /** What the data would take with neither compression nor dedup. */
  logicalBytes: number;
  /** After compression, before dedup: what the blocks would take if each were stored once per reference. */
  compressedBytes: number;
  /** What the pool really holds on its disks (`zpool list` ALLOC). */
  allocatedBytes: number;
  compressionSavedBytes: number;
  dedupSavedBytes: number;
  /** Both: logical − allocated. */
  totalSavedBytes: number;
}

/**
 * The pool's space from logical to physical, from the two ratios zfs reports: dedupratio is
 * referenced / allocated (`zpool list` DEDUP), compressratio logical / physical of the root
 * dataset (`zfs get compressratio`). So referenced = ALLOC × dedup, logical = referenced × compress,
 * and each saving is the larger size minus the smaller one.
 */
export function spaceFigures(input: {
  allocatedBytes: number;
  dedupRatio: number | null;
  compressRatio: number | null;
}): SpaceFigures {
  const allocatedBytes = input.allocatedBytes;
  const compressedBytes = allocatedBytes * Math.max(1, input.dedupRatio ?? 1);
  const logicalBytes = compressedBytes * Math.max(1, input.compressRatio ?? 1);
  return {
    logicalBytes,
    compressedBytes,
    allocatedBytes,
    compressionSavedBytes: savings(logicalBytes, compressedBytes),
    dedupSavedBytes: savings(compressedBytes, allocatedBytes),
    totalSavedBytes: savings(logicalBytes, allocatedBytes),
  };
}

/**
 * RAM the dedup table wants to stay fast: entries × in-core bytes per entry (`zpool status -D`:
 * "DDT entries 4733573, size 376 on disk, 183 in core").
 */
export function ddtRamBytes(ddt: Pick<DedupTable, 'entries' | 'sizeInCore'>): number {
  return ddt.entries * ddt.sizeInCore;
}

/** The DDT's size on disk: entries × on-disk bytes per entry. */
export function ddtDiskBytes(ddt: Pick<DedupTable, 'entries' | 'sizeOnDisk'>): number {
  return ddt.entries * ddt.sizeOnDisk;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A time as zpool prints it on the scan line, `Sun Feb  4 03:12:45 2024` (ctime, the host's local
 * time), read as local time here; also ISO-8601. null when it is neither.
 */
export function parseHostTime(text: string): Date | null {
  const m = /^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})$/.exec(
    text.trim(),
  );
  if (m) {
    const [, mon = '', day, h, min, s, year] = m;
    const month = MONTHS.indexOf(mon.toLowerCase());
    if (month < 0) return null;
    return new Date(Number(year), month, Number(day), Number(h), Number(min), Number(s));
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? null : new Date(t);
  }
  return null;
}

export const SCRUB_STALE_MS = 7 * 24 * 3_600_000;

export interface ScrubAge {
  /** When the last scrub ended (or was canceled); null when the pool was never scrubbed or it cannot be read. */
  lastAt: Date | null;
  /** More than a week ago, or never: the admin should scrub. False while one runs. */
  stale: boolean;
}

/** How old the pool's last scrub is. A resilver is not a scrub: it leaves the flag as it was. */
export function scrubAge(scan: PoolScan, now: Date): ScrubAge {
  switch (scan.kind) {
    case 'in-progress':
    case 'paused':
      return { lastAt: null, stale: scan.operation !== 'scrub' };
    case 'finished':
    case 'canceled': {
      const at = parseHostTime(scan.at);
      if (scan.operation !== 'scrub') return { lastAt: null, stale: true };
      return { lastAt: at, stale: at === null || now.getTime() - at.getTime() > SCRUB_STALE_MS };
    }
    case 'none':
    case 'unknown':
      return { lastAt: null, stale: true };
  }
}

export interface ArcSample {
  /** ms since the epoch, when the sample was read. */
  at: number;
  hits: number;
  misses: number;
}

/** A sample from `storage.arc`, or null when the host did not report hits and misses. */
export function arcSample(stats: ArcStats, at: number): ArcSample | null {
  if (stats.hits === undefined || stats.misses === undefined) return null;
  return { at, hits: stats.hits, misses: stats.misses };
}

/**
 * The ARC hit ratio between two samples: Δhits / (Δhits + Δmisses); null when nothing was read
 * in between, or the counters went back (the host rebooted).
 */
export function arcHitRatio(previous: ArcSample, next: ArcSample): number | null {
  const hits = next.hits - previous.hits;
  const misses = next.misses - previous.misses;
  if (hits < 0 || misses < 0 || hits + misses === 0) return null;
  return hits / (hits + misses);
}

/** Hit ratio since boot (the counters as they are). */
export function lifetimeHitRatio(hits: number | undefined, misses: number | undefined): number | null {
  if (hits === undefined || misses === undefined || hits + misses === 0) return null;
  return hits / (hits + misses);
}

/** Appends a sample and keeps the newest `max`. */
export function keepLast<T>(list: readonly T[], item: T, max: number): T[] {
  const next = [...list, item];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** The hit ratio between each pair of consecutive samples (one fewer than the samples). */
export function hitRatios(samples: readonly ArcSample[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 1; i < samples.length; i += 1) {
    const a = samples[i - 1];
    const b = samples[i];
    if (a && b) out.push(arcHitRatio(a, b));
  }
  return out;
}

/** How full a pool is: the tone of its capacity bar. ZFS slows down past 80 %, badly past 90 %. */
export function capacityTone(percent: number | null | undefined): 'ok' | 'warn' | 'bad' {
  if (percent === null || percent === undefined) return 'ok';
  if (percent >= 90) return 'bad';
  if (percent >= 80) return 'warn';
  return 'ok';
}

/** `in-progress` scan's share done, 0..1, from its percent or its issued/total bytes. */
export function scanFraction(scan: Extract<PoolScan, { kind: 'in-progress' }>): number | null {
  if (scan.percentDone !== null) return Math.min(1, Math.max(0, scan.percentDone / 100));
  if (scan.issuedBytes !== null && scan.totalBytes) return Math.min(1, scan.issuedBytes / scan.totalBytes);
  return null;
}
