import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { AuditEntry, AuditListInput } from '../schemas/audit.js';
import { viewerProcedure } from '../trpc.js';

export const auditRouter = {
  list: viewerProcedure
    .input(AuditListInput)
    .output(z.array(AuditEntry))
    .query(({ ctx, input }) => ctx.audit.list(input)),
} satisfies TRPCRouterRecord;
