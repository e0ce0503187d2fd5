import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { Job, JobDetail, JobListInput } from '../schemas/job.js';
import { viewerProcedure } from '../trpc.js';

export const jobRouter = {
  list: viewerProcedure
    .input(JobListInput)
    .output(z.array(Job))
    .query(({ ctx, input }) => ctx.jobs.list(input)),

  get: viewerProcedure
    .input(z.object({ id: z.string().max(64) }))
    .output(JobDetail)
    .query(({ ctx, input }) => {
      const job = ctx.jobs.get(input.id);
      if (!job) throw new TRPCError({ code: 'NOT_FOUND', message: `no job ${input.id}` });
      return job;
    }),

  /** Every job change, for every signed-in user: jobs are visible to all. */
  onEvent: viewerProcedure.subscription(async function* ({ ctx, signal }) {
    for await (const job of ctx.jobs.events(signal ?? new AbortController().signal)) yield Job.parse(job);
  }),
} satisfies TRPCRouterRecord;
