import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { startHostJob } from '../hostJob.js';
import { HostInput } from '../schemas/common.js';
import { VmEvent, VmSummary } from '../schemas/host.js';
import { RawProperties, VmDetail, VmSpec } from '../schemas/hostData.js';
import { Job } from '../schemas/job.js';
import { VmStopInput, VmTarget } from '../schemas/vmAction.js';
import { adminProcedure, operatorProcedure, viewerProcedure } from '../trpc.js';
import { assertVmPropertiesAllowed } from '../vmPropertyPolicy.js';

const CreateInput = z.object({
  hostId: HostInput.shape.hostId,
  spec: VmSpec,
  extra: RawProperties.default({}),
});
const SnapshotInput = VmTarget.extend({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'name: letters, digits and _ . : - (at most 64)'),
});

export const vmRouter = {
  list: viewerProcedure
    .input(HostInput)
    .output(z.array(VmSummary))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).listVms({ signal })),

  get: viewerProcedure
    .input(VmTarget)
    .output(VmDetail)
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).getVm(input.uuid, { signal })),

  /**
   * Live VM changes over SSE: a full `sync` first (and again after any reconnect), then
   * added / removed / changed events the web app writes into its query cache.
   */
  onEvent: viewerProcedure.input(HostInput).subscription(async function* ({ ctx, input, signal }) {
    const stream = ctx.hosts.vmEvents(input.hostId, signal ?? new AbortController().signal);
    for await (const event of stream) yield VmEvent.parse(event);
  }),

  start: operatorProcedure
    .input(VmTarget)
    .output(Job)
    .mutation(({ ctx, input }) =>
      startHostJob(ctx, {
        hostId: input.hostId,
        kind: 'vm.start',
        target: input.uuid,
        args: input,
        command: `vmadm start ${input.uuid}`,
        run: async ({ signal }) =>
          (await ctx.hosts.driver(input.hostId).startVm(input.uuid, { signal })).message,
      }),
    ),

  stop: operatorProcedure
    .input(VmStopInput)
    .output(Job)
    .mutation(({ ctx, input }) =>
      startHostJob(ctx, {
        hostId: input.hostId,
        kind: 'vm.stop',
        target: input.uuid,
        args: input,
        command: `vmadm stop ${input.uuid}${input.force ? ' -F' : ''}`,
        run: async ({ signal }) =>
          (await ctx.hosts.driver(input.hostId).stopVm(input.uuid, { signal, force: input.force })).message,
      }),
    ),

  reboot: operatorProcedure
    .input(VmStopInput)
    .output(Job)
    .mutation(({ ctx, input }) =>
      startHostJob(ctx, {
        hostId: input.hostId,
        kind: 'vm.reboot',
        target: input.uuid,
        args: input,
        command: `vmadm reboot ${input.uuid}${input.force ? ' -F' : ''}`,
        run: async ({ signal }) =>
          (await ctx.hosts.driver(input.hostId).rebootVm(input.uuid, { signal, force: input.force })).message,
      }),
    ),

  /** The exact JSON `vm.create` will send, checked by `vmadm validate create` on the host. */
  validate: adminProcedure
    .input(CreateInput)
    .output(z.object({ payload: z.record(z.string(), z.unknown()), message: z.string() }))
    .mutation(async ({ ctx, input, signal }) => {
      assertVmPropertiesAllowed(input.extra, ctx.allowedVmProperties);
      const driver = ctx.hosts.driver(input.hostId);
      const { message } = await driver.validateVm(input.spec, { extra: input.extra, signal });
      return { payload: driver.createPayload(input.spec, input.extra), message };
    }),

  create: adminProcedure
    .input(CreateInput)
    .output(Job)
    .mutation(({ ctx, input }) => {
      assertVmPropertiesAllowed(input.extra, ctx.allowedVmProperties);
      return startHostJob(ctx, {
        hostId: input.hostId,
        kind: 'vm.create',
        target: null,
        targetName: input.spec.alias,
        args: { spec: input.spec, extra: input.extra },
        command: 'vmadm create (payload on stdin)',
        run: async ({ signal, log }) => {
          const created = await ctx.hosts
            .driver(input.hostId)
            .createVm(input.spec, { extra: input.extra, signal });
          log(`created VM ${created.uuid}`);
          return created.message;
        },
      });
    }),

  update: adminProcedure
    .input(VmTarget.extend({ payload: RawProperties }))
    .output(Job)
    .mutation(({ ctx, input }) => {
      assertVmPropertiesAllowed(input.payload, ctx.allowedVmProperties);
      return startHostJob(ctx, {
        hostId: input.hostId,
        kind: 'vm.update',
        target: input.uuid,
        args: { uuid: input.uuid, payload: input.payload },
        command: `vmadm update ${input.uuid} (payload on stdin)`,
        run: async ({ signal }) =>
          (await ctx.hosts.driver(input.hostId).updateVm(input.uuid, input.payload, { signal })).message,
      });
    }),

  delete: adminProcedure
    .input(VmTarget)
    .output(Job)
    .mutation(({ ctx, input }) =>
      startHostJob(ctx, {
        hostId: input.hostId,
        kind: 'vm.delete',
        target: input.uuid,
        args: input,
        command: `vmadm delete ${input.uuid}`,
        run: async ({ signal }) =>
          (await ctx.hosts.driver(input.hostId).deleteVm(input.uuid, { signal })).message,
      }),
    ),

  snapshot: {
    create: adminProcedure
      .input(SnapshotInput)
      .output(Job)
      .mutation(({ ctx, input }) =>
        startHostJob(ctx, {
          hostId: input.hostId,
          kind: 'vm.snapshot.create',
          target: input.uuid,
          args: input,
          command: `vmadm create-snapshot ${input.uuid} ${input.name}`,
          run: async ({ signal }) =>
            (await ctx.hosts.driver(input.hostId).createSnapshot(input.uuid, input.name, { signal })).message,
        }),
      ),
    rollback: adminProcedure
      .input(SnapshotInput)
      .output(Job)
      .mutation(({ ctx, input }) =>
        startHostJob(ctx, {
          hostId: input.hostId,
          kind: 'vm.snapshot.rollback',
          target: input.uuid,
          args: input,
          command: `vmadm rollback-snapshot ${input.uuid} ${input.name}`,
          run: async ({ signal }) =>
            (await ctx.hosts.driver(input.hostId).rollbackSnapshot(input.uuid, input.name, { signal }))
              .message,
        }),
      ),
    delete: adminProcedure
      .input(SnapshotInput)
      .output(Job)
      .mutation(({ ctx, input }) =>
        startHostJob(ctx, {
          hostId: input.hostId,
          kind: 'vm.snapshot.delete',
          target: input.uuid,
          args: input,
          command: `vmadm delete-snapshot ${input.uuid} ${input.name}`,
          run: async ({ signal }) =>
            (await ctx.hosts.driver(input.hostId).deleteSnapshot(input.uuid, input.name, { signal })).message,
        }),
      ),
  },
} satisfies TRPCRouterRecord;
