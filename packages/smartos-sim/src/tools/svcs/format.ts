// svcs columns (illumos svcs.c): each non-last column `%-<width>s ` , the last unpadded.
import type { SmfService } from '../../state/smfStore.js';

export interface SvcsColumn {
  header: string;
  width: number;
  value: (s: SmfService, now: Date) => string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number): string => String(n).padStart(2, '0');

/** STIME: `%k:%M:%S` within a day, `%b_%d` within a year, else `%Y` (host local time). */
export function formatStime(iso: string, now: Date): string {
  const t = new Date(iso);
  const age = now.getTime() - t.getTime();
  if (age < 24 * 3600 * 1000)
    return `${String(t.getHours()).padStart(2, ' ')}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
  if (age < 365 * 24 * 3600 * 1000) return `${MONTHS[t.getMonth()] ?? ''}_${two(t.getDate())}`;
  return String(t.getFullYear());
}

/** `%c` in the C locale: `Sat Feb 10 08:01:45 2024`. */
export function formatCtime(iso: string): string {
  const t = new Date(iso);
  return `${DAYS[t.getDay()] ?? ''} ${MONTHS[t.getMonth()] ?? ''} ${String(t.getDate()).padStart(2, ' ')} ${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())} ${t.getFullYear()}`;
}

export const SVCS_COLUMNS: Readonly<Record<string, SvcsColumn>> = {
  state: { header: 'STATE', width: 14, value: (s) => `${s.state}${s.nextState ? '*' : ''}` },
  nstate: { header: 'NSTATE', width: 14, value: (s) => s.nextState ?? '-' },
  stime: { header: 'STIME', width: 8, value: (s, now) => formatStime(s.stime, now) },
  fmri: { header: 'FMRI', width: 56, value: (s) => s.fmri },
  svc: { header: 'SVC', width: 40, value: (s) => s.fmri.replace(/^svc:\//, '').replace(/:[^:]*$/, '') },
  inst: { header: 'INST', width: 14, value: (s) => s.fmri.replace(/^.*:/, '') },
  desc: { header: 'DESC', width: 37, value: (s) => s.description || '-' },
};

export function formatRow(values: readonly string[], columns: readonly SvcsColumn[]): string {
  return values
    .map((v, i) => (i === values.length - 1 ? v : `${v.padEnd(columns[i]?.width ?? 0)} `))
    .join('');
}

/** The `svcs -x` block of one service (illumos svcs explain.c), ending with a blank line. */
export function explainBlock(s: SmfService): string[] {
  const lines = [`${s.fmri} (${s.description})`, ` State: ${s.state} since ${formatCtime(s.stime)}`];
  lines.push(
    `Reason: ${s.reason ?? (s.state === 'maintenance' ? 'Maintenance requested by an administrator.' : 'Unknown.')}`,
  );
  for (const see of s.see ?? ['http://illumos.org/msg/SMF-8000-KS']) lines.push(`   See: ${see}`);
  lines.push(
    s.state === 'degraded'
      ? 'Impact: This service is running at reduced capacity.'
      : 'Impact: This service is not running.',
  );
  lines.push('');
  return lines;
}
