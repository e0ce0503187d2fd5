import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { startHostJob } from '../hostJob.js';
import { HostInput } from '../schemas/common.js';
import { ServiceTarget, SmfExplanation, SmfService } from '../schemas/hostData.js';
import { Job } from '../schemas/job.js';
import { adminProcedure, viewerProcedure } from '../trpc.js';

const ServiceAction = ServiceTarget.extend({ action: z.enum(['enable', 'disable', 'restart', 'clear']) });

export const serviceRouter = {
  list: viewerProcedure
    .input(HostInput)
    .output(z.array(SmfService))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).listServices({ signal })),

  /** `svcs -x`: why services are not running. */
  explain: viewerProcedure
    .input(HostInput)
    .output(z.array(SmfExplanation))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).explainServices({ signal })),

  change: adminProcedure
    .input(ServiceAction)
    .output(Job)
    .mutation(({ ctx, input }) =>
      startHostJob(ctx, {
        hostId: input.hostId,
        kind: `service.${input.action}`,
        target: input.fmri,
        targetName: input.fmri,
        args: input,
        command: `svcadm ${input.action} ${input.fmri}`,
        run: async ({ signal }) => {
          await ctx.hosts.driver(input.hostId).changeService(input.action, input.fmri, { signal });
          return `svcadm ${input.action} ${input.fmri}: done`;
        },
      }),
    ),
} satisfies TRPCRouterRecord;
