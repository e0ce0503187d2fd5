/**
 * svcs(1) output (illumos svcs.c): the listing (default `STATE STIME FMRI`, -a, -H, -o) and
 * `svcs -x` explanations. STATE carries a `*` while the service moves to another state;
 * STIME is `%k:%M:%S` within a day, `%b_%d` within a year, else the year.
 */
import { SmfState, type SmfExplanation, type SmfService } from '../model/smf.js';
import { outputLines, parseError } from './parserSupport.js';
import { splitTable } from './textTable.js';

export const SVCS_DEFAULT_FIELDS = ['state', 'stime', 'fmri'] as const;

export interface SvcsOptions {
  /** The `-o` columns when printed with -H (no header). Default: state,stime,fmri. */
  fields?: readonly string[];
}

function toService(fields: readonly string[], values: readonly string[], line: number): SmfService {
  if (values.length !== fields.length) {
    throw parseError(`svcs line ${line}: ${values.length} values for ${fields.length} columns`);
  }
  const raw: Record<string, string> = {};
  fields.forEach((f, i) => (raw[f] = values[i] ?? ''));
  const fmri = raw.fmri;
  if (fmri === undefined) throw parseError('svcs: the fmri column is needed');
  const service: SmfService = { fmri, raw };
  if (raw.state !== undefined) {
    const state = SmfState.safeParse(raw.state.replace(/\*$/, ''));
    if (!state.success) throw parseError(`svcs line ${line}: unknown state ${JSON.stringify(raw.state)}`);
    service.state = state.data;
    service.transitioning = raw.state.endsWith('*');
  }
  if (raw.stime !== undefined) service.stime = raw.stime;
  if (raw.desc !== undefined) service.description = raw.desc === '-' ? null : raw.desc;
  return service;
}

/** `svcs [-a] [-H] [-o cols] [pattern ...]`. A header is detected unless `fields` says -H. */
export function parseSvcs(stdout: string, opts: SvcsOptions = {}): SmfService[] {
  const lines = outputLines(stdout).filter((line) => line.trim() !== '');
  const first = lines[0];
  if (first === undefined) return [];
  const hasHeader = opts.fields === undefined && /^[A-Z]+(?:\s+[A-Z]+)*\s*$/.test(first);
  if (hasHeader) {
    const fields = first
      .trim()
      .split(/\s+/)
      .map((h) => h.toLowerCase());
    return splitTable(first, lines.slice(1), 'svcs').map((v, i) => toService(fields, v, i + 2));
  }
  const fields = [...(opts.fields ?? SVCS_DEFAULT_FIELDS)];
  return lines.map((line, i) => {
    // values hold no blanks except a last DESC column: split on blanks, keep the rest whole
    const words = line.trim().split(/\s+/);
    const values = [...words.slice(0, fields.length - 1), words.slice(fields.length - 1).join(' ')];
    return toService(fields, values, i + 1);
  });
}

/**
 * `svcs -x [-v]`: one block per service that needs attention, blocks apart by a blank line:
 *
 *     svc:/network/smtp:sendmail (sendmail SMTP mail transfer agent)
 *      State: maintenance since Sat Feb 10 08:01:45 2024
 *     Reason: Start method failed repeatedly, last exited with status 1.
 *        See: http://illumos.org/msg/SMF-8000-KS
 *        See: /var/svc/log/network-smtp:sendmail.log
 *     Impact: This service is not running.
 */
export function parseSvcsExplain(stdout: string): SmfExplanation[] {
  const out: SmfExplanation[] = [];
  let current: SmfExplanation | undefined;
  let key = '';
  for (const line of outputLines(stdout)) {
    if (line.trim() === '') continue;
    const head = /^((?:svc|lrc):\/\S+)(?: \((.*)\))?$/.exec(line);
    if (head && !line.startsWith(' ')) {
      current = {
        fmri: head[1] ?? '',
        description: head[2] ?? null,
        state: '',
        since: null,
        reason: '',
        see: [],
        impact: null,
      };
      out.push(current);
      key = '';
      continue;
    }
    if (!current) throw parseError(`svcs -x: text before the first service: ${JSON.stringify(line)}`);
    const field = /^\s*(State|Reason|See|Impact|Enabled|Dependency):\s?(.*)$/.exec(line);
    if (field) {
      key = field[1] ?? '';
      const value = field[2] ?? '';
      if (key === 'State') {
        const m = /^(\S+)(?: since (.+))?$/.exec(value.trim());
        current.state = m?.[1] ?? value.trim();
        current.since = m?.[2] ?? null;
      } else if (key === 'Reason') current.reason = value.trim();
      else if (key === 'See') current.see.push(value.trim());
      else if (key === 'Impact') current.impact = value.trim();
      continue;
    }
    // continuation lines of Reason or Impact (indented under the value)
    const more = line.trim();
    if (key === 'Reason') current.reason = `${current.reason} ${more}`;
    else if (key === 'Impact') current.impact = current.impact === null ? more : `${current.impact}\n${more}`;
  }
  return out;
}
