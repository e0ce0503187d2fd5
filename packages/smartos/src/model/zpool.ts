import { z } from 'zod';

/**
 * One pool as `zpool list` reports it. Only the columns that were asked for are present;
 * sizes are bytes (exact with -p, rounded from `461G` without), percentages are numbers.
 */
export const PoolListEntry = z.object({
  name: z.string(),
  sizeBytes: z.number().nullable().optional(),
  allocatedBytes: z.number().nullable().optional(),
  freeBytes: z.number().nullable().optional(),
  /** CKPOINT: space held by a checkpoint; null when there is none (`-`). */
  checkpointBytes: z.number().nullable().optional(),
  /** EXPANDSZ: unused space the pool could grow into; null when none (`-`). */
  expandSizeBytes: z.number().nullable().optional(),
  fragmentationPercent: z.number().nullable().optional(),
  capacityPercent: z.number().nullable().optional(),
  /** `1.37x` → 1.37. */
  dedupRatio: z.number().nullable().optional(),
  health: z.string().optional(),
  altroot: z.string().nullable().optional(),
  /** Every column as printed, keyed by the lower-case column or property name. */
  raw: z.record(z.string(), z.string()),
});
export type PoolListEntry = z.infer<typeof PoolListEntry>;

/** One device line of `zpool status`'s config block, with the devices under it. */
export interface PoolVdev {
  /** `zones`, `mirror-0`, `raidz1-0`, `c1t0d0`, or a group: `logs`, `cache`, `spares`, `special`. */
  name: string;
  /** ONLINE, DEGRADED, FAULTED, OFFLINE, UNAVAIL, REMOVED, AVAIL/INUSE (spares); null on group lines. */
  state: string | null;
  read: number | null;
  write: number | null;
  cksum: number | null;
  /** Text after the counts: `too many errors`, `(resilvering)`, `was /dev/dsk/c1t2d0`. */
  message: string | null;
  children: PoolVdev[];
}
export const PoolVdev: z.ZodType<PoolVdev> = z.lazy(() =>
  z.object({
    name: z.string(),
    state: z.string().nullable(),
    read: z.number().nullable(),
    write: z.number().nullable(),
    cksum: z.number().nullable(),
    message: z.string().nullable(),
    children: z.array(PoolVdev),
  }),
);

const ScanOperation = z.enum(['scrub', 'resilver']);

/** The `scan:` line of `zpool status`. Times are as the host printed them (its local time). */
export const PoolScan = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('in-progress'),
    operation: ScanOperation,
    since: z.string(),
    scannedBytes: z.number().nullable(),
    issuedBytes: z.number().nullable(),
    totalBytes: z.number().nullable(),
    /** Repaired (scrub) or resilvered bytes so far. */
    repairedBytes: z.number().nullable(),
    percentDone: z.number().nullable(),
    /** null when zpool prints no estimate. */
    etaSeconds: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('finished'),
    operation: ScanOperation,
    repairedBytes: z.number().nullable(),
    durationSeconds: z.number(),
    errors: z.number(),
    at: z.string(),
  }),
  z.object({ kind: z.literal('canceled'), operation: ScanOperation, at: z.string() }),
  z.object({
    kind: z.literal('paused'),
    operation: ScanOperation,
    since: z.string(),
    startedAt: z.string().nullable(),
  }),
  /** A scan line this parser does not know, kept whole. */
  z.object({ kind: z.literal('unknown'), text: z.string() }),
]);
export type PoolScan = z.infer<typeof PoolScan>;

/** One side (allocated or referenced) of a DDT histogram row. */
export const DdtBlocks = z.object({
  /** Block counts are printed rounded (`1.52M`), so they are approximate. */
  blocks: z.number(),
  lsizeBytes: z.number(),
  psizeBytes: z.number(),
  dsizeBytes: z.number(),
});
export type DdtBlocks = z.infer<typeof DdtBlocks>;

export const DdtHistogramRow = z.object({
  /** Reference-count bucket: 1, 2, 4, ... */
  refcnt: z.number(),
  allocated: DdtBlocks,
  referenced: DdtBlocks,
});
export type DdtHistogramRow = z.infer<typeof DdtHistogramRow>;

/** `zpool status -D`: the dedup table. */
export const DedupTable = z.object({
  entries: z.number(),
  /** Bytes per DDT entry on disk and in core, as zpool prints them. */
  sizeOnDisk: z.number(),
  sizeInCore: z.number(),
  histogram: z.array(DdtHistogramRow),
  total: z.object({ allocated: DdtBlocks, referenced: DdtBlocks }).nullable(),
});
export type DedupTable = z.infer<typeof DedupTable>;

/** One pool of `zpool status [-v] [-D]`. */
export const PoolStatus = z.object({
  pool: z.string(),
  state: z.string(),
  status: z.string().nullable(),
  action: z.string().nullable(),
  see: z.string().nullable(),
  scan: PoolScan,
  config: z.array(PoolVdev),
  /** `No known data errors`, or the summary line followed by the damaged files (-v). */
  errors: z.string().nullable(),
  ddt: DedupTable.nullable(),
});
export type PoolStatus = z.infer<typeof PoolStatus>;

/** One line of `zpool iostat [-v]`, with the devices under it. */
export interface PoolIostat {
  name: string;
  /** null for devices below the top level (zpool prints `-`). */
  allocatedBytes: number | null;
  freeBytes: number | null;
  readOps: number | null;
  writeOps: number | null;
  readBytesPerSec: number | null;
  writeBytesPerSec: number | null;
  children: PoolIostat[];
}
export const PoolIostat: z.ZodType<PoolIostat> = z.lazy(() =>
  z.object({
    name: z.string(),
    allocatedBytes: z.number().nullable(),
    freeBytes: z.number().nullable(),
    readOps: z.number().nullable(),
    writeOps: z.number().nullable(),
    readBytesPerSec: z.number().nullable(),
    writeBytesPerSec: z.number().nullable(),
    children: z.array(PoolIostat),
  }),
);

/** One row of `zpool get` / `zfs get`. */
export const PropertyRow = z.object({
  name: z.string(),
  property: z.string(),
  value: z.string(),
  /** `local`, `default`, `inherited from zones`, `-`, `temporary`, `received`. */
  source: z.string(),
});
export type PropertyRow = z.infer<typeof PropertyRow>;
