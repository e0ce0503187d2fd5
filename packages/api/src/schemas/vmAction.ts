import { z } from 'zod';

import { HostId } from './common.js';

export const VmUuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'uuid: not a VM uuid');

export const VmTarget = z.object({ hostId: HostId, uuid: VmUuid });
export const VmStopInput = VmTarget.extend({ force: z.boolean().default(false) });
