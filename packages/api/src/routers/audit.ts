import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { auditCsv } from '../auditExport.js';
import { AuditEntry, AuditExport, AuditExportInput, AuditListInput } from '../schemas/audit.js';
import { viewerProcedure } from '../trpc.js';

/** The most rows one export carries. */
export const EXPORT_LIMIT = 10_000;

export const auditRouter = {
  list: viewerProcedure
    .input(AuditListInput)
    .output(z.array(AuditEntry))
    .query(({ ctx, input }) => ctx.audit.list(input)),

  /** The filtered entries as a file to download, CSV or JSON. */
  export: viewerProcedure
    .input(AuditExportInput)
    .output(AuditExport)
    .query(({ ctx, input }) => {
      const { format, ...filter } = input;
      const entries = ctx.audit.list({ ...filter, limit: EXPORT_LIMIT });
      const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19);
      return format === 'csv'
        ? { filename: `zonedeck-audit-${stamp}.csv`, contentType: 'text/csv', body: auditCsv(entries) }
        : {
            filename: `zonedeck-audit-${stamp}.json`,
            contentType: 'application/json',
            body: `${JSON.stringify(entries, null, 2)}\n`,
          };
    }),
} satisfies TRPCRouterRecord;
