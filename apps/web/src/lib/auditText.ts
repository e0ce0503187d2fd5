// The audit log as text: compact arguments and the client-side filter. Pure: tested in auditText.test.ts.
import type { AuditEntry } from '@zonedeck/api/schemas';

/** An entry's arguments as one line of JSON: `{"hostId":"default","uuid":"1538…","force":false}`. */
export function compactArgs(args: AuditEntry['args']): string {
  try {
    return JSON.stringify(args) ?? '';
  } catch {
    // The contract says JSON from the database, so this only guards against odd values.
    return '{…}';
  }
}

/** The words a filter is matched against: every field a person sees, arguments included. */
function haystack(entry: AuditEntry, names: ReadonlyMap<string, string>): string {
  const targetName = entry.target === null ? undefined : names.get(entry.target);
  return [
    entry.username,
    entry.action,
    entry.hostId ?? '',
    entry.target ?? '',
    targetName ?? '',
    entry.result,
    entry.detail ?? '',
    compactArgs(entry.args),
  ]
    .join('\n')
    .toLowerCase();
}

/**
 * The entries matching a filter: every whitespace-separated word must appear somewhere in the
 * entry (case-insensitive). `names` maps targets (VM uuids) to names, so "samba" finds its entries.
 */
export function filterAudit(
  entries: readonly AuditEntry[],
  query: string,
  names: ReadonlyMap<string, string> = new Map(),
): readonly AuditEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const text = haystack(entry, names);
    return words.every((word) => text.includes(word));
  });
}
