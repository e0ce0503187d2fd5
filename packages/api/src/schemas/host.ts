import { z } from 'zod';

export { HostNic, HostSummary, VmBrand, VmEvent, VmState, VmSummary } from '@zonedeck/smartos/model';

/** A host the console manages. */
export const HostEntry = z.object({
  id: z.string(),
  name: z.string(),
  /** How the console reaches it. */
  transport: z.enum(['local', 'ssh']),
  /** True for the embedded simulated SmartOS host. */
  simulated: z.boolean(),
});
export type HostEntry = z.infer<typeof HostEntry>;
