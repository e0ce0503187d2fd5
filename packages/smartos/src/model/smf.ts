import { z } from 'zod';

/** SMF service states (svcs(1)). */
export const SmfState = z.enum([
  'online',
  'offline',
  'disabled',
  'maintenance',
  'degraded',
  'legacy_run',
  'uninitialized',
]);
export type SmfState = z.infer<typeof SmfState>;

/** One line of `svcs` (default columns STATE STIME FMRI, or -o). Absent columns are absent. */
export const SmfService = z.object({
  fmri: z.string(),
  state: SmfState.optional(),
  /** svcs marks a service moving to another state with `*` after its state. */
  transitioning: z.boolean().optional(),
  /** As printed: `8:01:40` (today), `Feb_10` (this year) or `2023`. */
  stime: z.string().optional(),
  description: z.string().nullable().optional(),
  /** Every column as printed, keyed by the lower-case column name. */
  raw: z.record(z.string(), z.string()),
});
export type SmfService = z.infer<typeof SmfService>;

/** One block of `svcs -x`: a service that is not running as it should, and why. */
export const SmfExplanation = z.object({
  fmri: z.string(),
  description: z.string().nullable(),
  state: z.string(),
  /** When it entered the state, as the host printed it (`Sat Feb 10 08:01:45 2024`). */
  since: z.string().nullable(),
  reason: z.string(),
  see: z.array(z.string()),
  impact: z.string().nullable(),
});
export type SmfExplanation = z.infer<typeof SmfExplanation>;
