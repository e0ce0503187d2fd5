import { z } from 'zod';

export const AuditResult = z.enum(['ok', 'error', 'refused']);

/** One audited action: who, what, on which target, with which arguments (secrets redacted), and how it ended. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string(),
  action: z.string(),
  hostId: z.string().nullable(),
  target: z.string().nullable(),
  args: z.record(z.string(), z.unknown()),
  result: AuditResult,
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListInput = z.object({
  limit: z.number().int().min(1).max(1000).default(200),
  target: z.string().max(64).optional(),
});
