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

const Instant = z.iso.datetime({ offset: true, message: 'a date and time such as 2026-01-31T12:00:00Z' });

/** Which entries to show: every field narrows (user and target exactly, action by prefix). */
export const AuditFilter = z.object({
  user: z.string().trim().min(1).max(64).optional(),
  /** `vm.` matches every VM action, `vm.stop` that one. */
  action: z.string().trim().min(1).max(64).optional(),
  target: z.string().trim().min(1).max(200).optional(),
  result: AuditResult.optional(),
  /** From this instant on (inclusive) ... */
  from: Instant.optional(),
  /** ... until before this one. */
  to: Instant.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditListInput = AuditFilter.extend({
  limit: z.number().int().min(1).max(1000).default(200),
});
export type AuditListInput = z.infer<typeof AuditListInput>;

export const AuditExportInput = AuditFilter.extend({ format: z.enum(['csv', 'json']) });

/** A download: the file's name, type and text. */
export const AuditExport = z.object({ filename: z.string(), contentType: z.string(), body: z.string() });
export type AuditExport = z.infer<typeof AuditExport>;

/** What the audit log stores of one action (the BFF redacts secrets from `args`). */
export interface AuditRecord {
  user: { id: string | null; username: string };
  action: string;
  hostId: string | null;
  target: string | null;
  args: Record<string, unknown>;
  result: AuditEntry['result'];
  detail: string | null;
}
