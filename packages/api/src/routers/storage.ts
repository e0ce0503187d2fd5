import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { startHostJob } from '../hostJob.js';
import { HostInput } from '../schemas/common.js';
import { ArcStats, PoolListEntry, PoolStatus, PoolTarget, ZfsDataset } from '../schemas/hostData.js';
import { Job } from '../schemas/job.js';
import { adminProcedure, viewerProcedure } from '../trpc.js';

const SCRUB_POLL_MS = 2_000;

export const storageRouter = {
  pools: viewerProcedure
    .input(HostInput)
    .output(z.array(PoolListEntry))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).listPools({ signal })),

  /** Health, vdev tree, scan (scrub) state and the dedup table of one pool. */
  poolStatus: viewerProcedure
    .input(PoolTarget)
    .output(PoolStatus)
    .query(async ({ ctx, input, signal }) => {
      const [status] = await ctx.hosts.driver(input.hostId).poolStatus(input.pool, { signal });
      if (!status) throw new Error(`zpool status printed nothing for ${input.pool}`);
      return status;
    }),

  datasets: viewerProcedure
    .input(HostInput)
    .output(z.array(ZfsDataset))
    .query(({ ctx, input, signal }) =>
      ctx.hosts.driver(input.hostId).listDatasets({ signal, types: ['filesystem', 'volume', 'snapshot'] }),
    ),

  arc: viewerProcedure
    .input(HostInput)
    .output(ArcStats)
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).arcStats({ signal })),

  /** Starts a scrub as a job that follows it to the end (progress from `zpool status`). */
  scrub: adminProcedure
    .input(PoolTarget)
    .output(Job)
    .mutation(({ ctx, input }) =>
      startHostJob(ctx, {
        hostId: input.hostId,
        kind: 'pool.scrub',
        target: `pool:${input.pool}`,
        targetName: input.pool,
        args: input,
        command: `zpool scrub ${input.pool}`,
        run: async ({ signal, progress, log }) => {
          const driver = ctx.hosts.driver(input.hostId);
          await driver.startScrub(input.pool, { signal });
          for (;;) {
            await new Promise((resolve) => setTimeout(resolve, SCRUB_POLL_MS));
            signal.throwIfAborted();
            const [status] = await driver.poolStatus(input.pool, { signal });
            const scan = status?.scan;
            if (scan?.kind === 'in-progress') {
              progress(scan.percentDone === null ? 0 : scan.percentDone / 100);
            } else if (scan?.kind === 'finished') {
              const line = `scrub repaired ${scan.repairedBytes ?? 0} bytes in ${scan.durationSeconds} s with ${scan.errors} errors on ${scan.at}`;
              log(line);
              return line;
            } else {
              return `the scrub ended: ${scan?.kind ?? 'no scan state'}`;
            }
          }
        },
      }),
    ),
} satisfies TRPCRouterRecord;
