import { z } from 'zod';

import { VmSummary } from './vm.js';

/**
 * What a host watcher reports about a host's VMs. `sync` carries the full list (on start and
 * after a dropped link); the others are changes since the previous report.
 */
export const VmEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync'), vms: z.array(VmSummary) }),
  z.object({ type: z.literal('added'), vm: VmSummary }),
  z.object({ type: z.literal('removed'), uuid: z.string() }),
  z.object({
    type: z.literal('changed'),
    vm: VmSummary,
    /** Names of the VmSummary fields that changed, e.g. ["state"]. */
    fields: z.array(z.string()),
  }),
  /** The watcher lost the host (or got it back); while down, the last known list may be stale. */
  z.object({ type: z.literal('link'), up: z.boolean(), reason: z.string().nullable() }),
]);
export type VmEvent = z.infer<typeof VmEvent>;
