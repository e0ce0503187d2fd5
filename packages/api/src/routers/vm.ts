import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import type { ApiContext } from '../context.js';
import type { SessionUser } from '../schemas/auth.js';
import { HostInput } from '../schemas/common.js';
import { VmEvent, VmSummary } from '../schemas/host.js';
import { Job } from '../schemas/job.js';
import { VmStopInput, VmTarget } from '../schemas/vmAction.js';
import { operatorProcedure, viewerProcedure } from '../trpc.js';

type PowerAction = 'start' | 'stop' | 'reboot';

/** A power action as a job on the VM: the driver runs vmadm, the host is re-read at the end. */
function powerJob(
  ctx: ApiContext & { user: SessionUser },
  action: PowerAction,
  input: { hostId: string; uuid: string; force?: boolean },
) {
  const driver = ctx.hosts.driver(input.hostId);
  const vm = ctx.hosts.knownVm(input.hostId, input.uuid);
  return ctx.jobs.start(ctx.user, {
    hostId: input.hostId,
    kind: `vm.${action}`,
    target: input.uuid,
    targetName: vm?.alias ?? null,
    args: input,
    run: async ({ signal, log }) => {
      const force = input.force ?? false;
      log(`vmadm ${action} ${input.uuid}${force ? ' -F' : ''}`);
      try {
        const result =
          action === 'start'
            ? await driver.startVm(input.uuid, { signal })
            : action === 'stop'
              ? await driver.stopVm(input.uuid, { signal, force })
              : await driver.rebootVm(input.uuid, { signal, force });
        return result.message;
      } finally {
        ctx.hosts.refresh(input.hostId);
      }
    },
  });
}

export const vmRouter = {
  list: viewerProcedure
    .input(HostInput)
    .output(z.array(VmSummary))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).listVms({ signal })),

  /**
   * Live VM changes over SSE: a full `sync` first (and again after any reconnect), then
   * added / removed / changed events the web app writes into its query cache.
   */
  start: operatorProcedure
    .input(VmTarget)
    .output(Job)
    .mutation(({ ctx, input }) => powerJob(ctx, 'start', input)),

  stop: operatorProcedure
    .input(VmStopInput)
    .output(Job)
    .mutation(({ ctx, input }) => powerJob(ctx, 'stop', input)),

  reboot: operatorProcedure
    .input(VmStopInput)
    .output(Job)
    .mutation(({ ctx, input }) => powerJob(ctx, 'reboot', input)),

  onEvent: viewerProcedure.input(HostInput).subscription(async function* ({ ctx, input, signal }) {
    const stream = ctx.hosts.vmEvents(input.hostId, signal ?? new AbortController().signal);
    for await (const event of stream) yield VmEvent.parse(event);
  }),
} satisfies TRPCRouterRecord;
