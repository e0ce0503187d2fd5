import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { HostInput } from '../schemas/common.js';
import { HostEntry, HostSummary } from '../schemas/host.js';
import { AddedHost, AddHostInput, HostStatus, PinHostKeyInput } from '../schemas/hostConfig.js';
import { adminProcedure, viewerProcedure } from '../trpc.js';

export const hostRouter = {
  /** The hosts pages can work on (their key pinned or configured). */
  list: viewerProcedure.output(z.array(HostEntry)).query(({ ctx }) => ctx.hosts.list()),

  summary: viewerProcedure
    .input(HostInput)
    .output(HostSummary)
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).hostSummary({ signal })),

  /** Every host with whether it answers and why not (the hosts page; viewers read it too). */
  status: viewerProcedure.output(z.array(HostStatus)).query(({ ctx }) => ctx.hosts.status()),

  add: adminProcedure
    .input(AddHostInput)
    .output(AddedHost)
    .mutation(({ ctx, input }) => ctx.hosts.add(ctx.user, input)),

  pin: adminProcedure
    .input(PinHostKeyInput)
    .output(HostStatus)
    .mutation(({ ctx, input }) => ctx.hosts.pin(ctx.user, input)),

  remove: adminProcedure
    .input(HostInput)
    .output(z.object({ removed: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await ctx.hosts.remove(ctx.user, input.hostId);
      return { removed: input.hostId };
    }),
} satisfies TRPCRouterRecord;
