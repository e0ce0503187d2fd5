// The simulated svcs(1): listings (default, -a, -H, -o, -s/-S, FMRI operands) and -x.
import type { SimLayout } from '../../state/layout.js';
import { readServices, type SmfService } from '../../state/smfStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { explainBlock, formatRow, SVCS_COLUMNS, type SvcsColumn } from './format.js';
import { getopt } from './getopt.js';
import { fmriMatches, noMatch } from './match.js';

export interface SvcsContext {
  layout: () => SimLayout;
  /** The host's clock: $SMARTOS_SIM_NOW when set (tests), else the real time. */
  now: Date;
}

const USAGE = [
  'Usage: svcs [-aHpv] [-o col[,col]...] [-R restarter] [-sS col] [-Z | -z zone ]',
  '            [<service> ...]',
  '       svcs -d | -D [-Hpv] [-o col[,col]...] [-sS col] [-Z | -z zone ]',
  '            [<service> ...]',
  '       svcs -l [-v] [-Z | -z zone ] <service> ...',
  '       svcs -x [-v] [-Z | -z zone ] [<service> ...]',
  '       svcs -?',
];

// svcs.c sorts by the state's name, then by when it was entered, then by FMRI
const byDefault = (a: SmfService, b: SmfService): number =>
  a.state.localeCompare(b.state) || Date.parse(a.stime) - Date.parse(b.stime) || a.fmri.localeCompare(b.fmri);

export function svcs(argv: readonly string[], ctx: SvcsContext): ToolResult {
  const out = new ToolOutput();
  const parsed = getopt(argv, 'aHo:s:S:xv?pdDlRZz:');
  if (parsed.error) {
    out.error(`svcs: ${parsed.error}`);
    USAGE.forEach((l) => out.error(l));
    return out.result(2);
  }
  const flags = new Set(parsed.options.map((o) => o.flag));
  for (const unsupported of ['p', 'd', 'D', 'l', 'R', 'Z', 'z']) {
    if (flags.has(unsupported)) {
      out.error(`svcs: -${unsupported} is not simulated`);
      return out.result(2);
    }
  }
  if (flags.has('?')) {
    USAGE.forEach((l) => out.error(l));
    return out.result(2);
  }
  let services = readServices(ctx.layout(), ctx.now);
  for (const pattern of parsed.operands) {
    if (!services.some((s) => fmriMatches(pattern, s.fmri))) {
      out.error(noMatch('svcs', pattern));
      return out.result(1);
    }
  }
  if (parsed.operands.length > 0) {
    services = services.filter((s) => parsed.operands.some((p) => fmriMatches(p, s.fmri)));
  }
  if (flags.has('x')) {
    const trouble = services.filter((s) => s.state === 'maintenance' || s.state === 'degraded');
    for (const s of trouble.sort(byDefault)) explainBlock(s).forEach((l) => out.log(l));
    return out.result(0);
  }
  if (!flags.has('a') && parsed.operands.length === 0)
    services = services.filter((s) => s.state !== 'disabled');

  const names = parsed.options.filter((o) => o.flag === 'o').flatMap((o) => (o.value ?? '').split(','));
  const columns: SvcsColumn[] = [];
  for (const name of names.length > 0 ? names : ['state', 'stime', 'fmri']) {
    const col = Object.hasOwn(SVCS_COLUMNS, name.toLowerCase())
      ? SVCS_COLUMNS[name.toLowerCase()]
      : undefined;
    if (!col) {
      out.error(`svcs: Unrecognized column "${name}".`);
      return out.result(2);
    }
    columns.push(col);
  }
  const sorted = [...services].sort(byDefault);
  const sortBy = parsed.options.filter((o) => o.flag === 's' || o.flag === 'S');
  for (const key of [...sortBy].reverse()) {
    const col = SVCS_COLUMNS[(key.value ?? '').toLowerCase()];
    if (!col) {
      out.error(`svcs: Unrecognized sort column "${key.value ?? ''}".`);
      return out.result(2);
    }
    const sign = key.flag === 'S' ? -1 : 1;
    sorted.sort((a, b) => sign * col.value(a, ctx.now).localeCompare(col.value(b, ctx.now)));
  }
  if (!flags.has('H'))
    out.log(
      formatRow(
        columns.map((c) => c.header),
        columns,
      ),
    );
  for (const s of sorted)
    out.log(
      formatRow(
        columns.map((c) => c.value(s, ctx.now)),
        columns,
      ),
    );
  return out.result(0);
}
