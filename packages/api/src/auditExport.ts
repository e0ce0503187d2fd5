import type { AuditEntry } from './schemas/audit.js';

const COLUMNS = ['id', 'at', 'username', 'action', 'hostId', 'target', 'result', 'detail', 'args'] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break. A cell a
 * spreadsheet would run as a formula (= + - @, or a tab or CR first) gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cellOf(entry: AuditEntry, column: (typeof COLUMNS)[number]): string {
  if (column === 'args') return JSON.stringify(entry.args);
  const value = entry[column];
  return value === null ? '' : String(value);
}

/** The entries as CSV, a header row first, CRLF line ends. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [
    COLUMNS.join(','),
    ...entries.map((e) => COLUMNS.map((c) => csvCell(cellOf(e, c))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
