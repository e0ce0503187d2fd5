import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { startHostJob } from '../hostJob.js';
import { createImportJournal } from '../imageImportJournal.js';
import { HostInput } from '../schemas/common.js';
import { ImageInfo, ImageManifest, ImageSource, ImageTarget, SourceInput } from '../schemas/hostData.js';
import { Job } from '../schemas/job.js';
import { adminProcedure, viewerProcedure } from '../trpc.js';

export const imageRouter = {
  list: viewerProcedure
    .input(HostInput)
    .output(z.array(ImageInfo))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).listImages({ signal })),

  /** The catalog of the host's image sources. */
  avail: viewerProcedure
    .input(HostInput)
    .output(z.array(ImageManifest))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).availImages({ signal })),

  import: adminProcedure
    .input(ImageTarget)
    .output(Job)
    .mutation(({ ctx, input }) =>
      startHostJob(ctx, {
        hostId: input.hostId,
        kind: 'image.import',
        target: input.uuid,
        args: input,
        command: `imgadm import ${input.uuid}`,
        run: async ({ signal, log, progress }) => {
          const journal = createImportJournal(input.uuid, { log, progress });
          await ctx.hosts.driver(input.hostId).importImage(input.uuid, {
            signal,
            onEvent: (event) => journal.take(event),
          });
          return journal.lastLine() ?? `imported ${input.uuid}`;
        },
      }),
    ),

  delete: adminProcedure
    .input(ImageTarget)
    .output(Job)
    .mutation(({ ctx, input }) =>
      startHostJob(ctx, {
        hostId: input.hostId,
        kind: 'image.delete',
        target: input.uuid,
        args: input,
        command: `imgadm delete ${input.uuid}`,
        run: async ({ signal }) => {
          await ctx.hosts.driver(input.hostId).deleteImage(input.uuid, { signal });
          return `Deleted image ${input.uuid}`;
        },
      }),
    ),

  sources: viewerProcedure
    .input(HostInput)
    .output(z.array(ImageSource))
    .query(({ ctx, input, signal }) => ctx.hosts.driver(input.hostId).imageSources({ signal })),

  addSource: adminProcedure
    .input(SourceInput)
    .output(z.object({ message: z.string() }))
    .mutation(async ({ ctx, input, signal }) => {
      const change = await ctx.hosts.driver(input.hostId).addImageSource(input.url, { signal });
      return { message: `${change.changed ? 'Added' : 'Already have'} image source "${change.url}"` };
    }),

  removeSource: adminProcedure
    .input(SourceInput)
    .output(z.object({ message: z.string() }))
    .mutation(async ({ ctx, input, signal }) => {
      const change = await ctx.hosts.driver(input.hostId).removeImageSource(input.url, { signal });
      return { message: `${change.changed ? 'Deleted' : 'Did not have'} image source "${change.url}"` };
    }),
} satisfies TRPCRouterRecord;
