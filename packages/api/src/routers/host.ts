import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { HostInput } from '../schemas/common.js';
import { HostEntry, HostSummary } from '../schemas/host.js';
import { viewerProcedure } from '../trpc.js';

export const hostRouter = {
  list: viewerProcedure.output(z.array(HostEntry)).query(({ ctx }) => ctx.hosts.list()),

  summary: viewerProcedure
    .input(HostInput)
    .output(HostSummary)
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).hostSummary({ signal })),
} satisfies TRPCRouterRecord;
