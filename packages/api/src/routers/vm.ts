import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { HostInput } from '../schemas/common.js';
import { VmEvent, VmSummary } from '../schemas/host.js';
import { viewerProcedure } from '../trpc.js';

export const vmRouter = {
  list: viewerProcedure
    .input(HostInput)
    .output(z.array(VmSummary))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).listVms({ signal })),

  /**
   * Live VM changes over SSE: a full `sync` first (and again after any reconnect), then
   * added / removed / changed events the web app writes into its query cache.
   */
  onEvent: viewerProcedure.input(HostInput).subscription(async function* ({ ctx, input, signal }) {
    const stream = ctx.hosts.vmEvents(input.hostId, signal ?? new AbortController().signal);
    for await (const event of stream) yield VmEvent.parse(event);
  }),
} satisfies TRPCRouterRecord;
