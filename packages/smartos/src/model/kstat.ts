import { z } from 'zod';

/** One statistic of `kstat -p`: `module:instance:name:statistic<TAB>value`. */
export const KstatEntry = z.object({
  module: z.string(),
  instance: z.number(),
  name: z.string(),
  statistic: z.string(),
  value: z.string(),
});
export type KstatEntry = z.infer<typeof KstatEntry>;

/** ZFS ARC statistics (`kstat -p zfs:0:arcstats`); those not asked for are absent. Sizes in bytes. */
export const ArcStats = z.object({
  size: z.number().optional(),
  /** Target size. */
  c: z.number().optional(),
  cMin: z.number().optional(),
  cMax: z.number().optional(),
  hits: z.number().optional(),
  misses: z.number().optional(),
  demandDataHits: z.number().optional(),
  demandDataMisses: z.number().optional(),
  mruSize: z.number().optional(),
  mfuSize: z.number().optional(),
  l2Size: z.number().optional(),
  l2Hits: z.number().optional(),
  l2Misses: z.number().optional(),
});
export type ArcStats = z.infer<typeof ArcStats>;
