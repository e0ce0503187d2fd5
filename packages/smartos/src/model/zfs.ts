import { z } from 'zod';

/**
 * One dataset (filesystem, volume or snapshot) as `zfs list` reports it. Only the columns
 * that were asked for are present; sizes are bytes, `compressratio` a number (`1.34x` → 1.34).
 */
export const ZfsDataset = z.object({
  name: z.string(),
  /** `filesystem`, `volume`, `snapshot`, `bookmark`. */
  type: z.string().optional(),
  usedBytes: z.number().nullable().optional(),
  availableBytes: z.number().nullable().optional(),
  referencedBytes: z.number().nullable().optional(),
  logicalUsedBytes: z.number().nullable().optional(),
  quotaBytes: z.number().nullable().optional(),
  volsizeBytes: z.number().nullable().optional(),
  /** null for `-` (volumes, snapshots); `none` and `legacy` are kept as printed. */
  mountpoint: z.string().nullable().optional(),
  compressRatio: z.number().nullable().optional(),
  /** ISO-8601 when printed with -p (seconds since the epoch); else null (see raw.creation). */
  creation: z.string().nullable().optional(),
  origin: z.string().nullable().optional(),
  /** Every column as printed, keyed by the lower-case column or property name. */
  raw: z.record(z.string(), z.string()),
});
export type ZfsDataset = z.infer<typeof ZfsDataset>;
