import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { HostInput } from '../schemas/common.js';
import { NicTag, PhysLink, Vnic } from '../schemas/hostData.js';
import { viewerProcedure } from '../trpc.js';

export const networkRouter = {
  nics: viewerProcedure
    .input(HostInput)
    .output(z.array(PhysLink))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).physicalNics({ signal })),
  nicTags: viewerProcedure
    .input(HostInput)
    .output(z.array(NicTag))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).nicTags({ signal })),
  vnics: viewerProcedure
    .input(HostInput)
    .output(z.array(Vnic))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).vnics({ signal })),
} satisfies TRPCRouterRecord;
