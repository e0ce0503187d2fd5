// The audit page's filter and the URL: ?user=&action=&target=&result=&from=&to= (ISO instants).
// Pure: tested in auditFilter.test.ts.
import type { AuditFilter } from '@zonedeck/api/schemas';

export const AUDIT_FILTER_KEYS = ['user', 'action', 'target', 'result', 'from', 'to'] as const;
const RESULTS = new Set(['ok', 'error', 'refused']);

/** The filter a URL's query names; unknown or empty parameters are left out. */
export function auditFilterFromParams(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (key === 'result') {
      if (RESULTS.has(value)) filter.result = value as AuditFilter['result'];
    } else if (key === 'from' || key === 'to') {
      if (!Number.isNaN(Date.parse(value))) filter[key] = new Date(value).toISOString();
    } else {
      filter[key] = value;
    }
  }
  return filter;
}

/** `params` with the filter's fields set (others kept, e.g. the text filter ?q=). */
export function auditFilterToParams(filter: AuditFilter, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** An ISO instant as a `datetime-local` input's value (local time, minutes), or ''. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO instant, or undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
