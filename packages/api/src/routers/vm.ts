import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { HostInput } from '../schemas/common.js';
import { VmSummary } from '../schemas/host.js';
import { viewerProcedure } from '../trpc.js';

export const vmRouter = {
  list: viewerProcedure
    .input(HostInput)
    .output(z.array(VmSummary))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).listVms({ signal })),
} satisfies TRPCRouterRecord;
