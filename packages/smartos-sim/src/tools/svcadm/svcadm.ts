// The simulated svcadm(8): enable, disable, restart, refresh, clear, silent on success.
// State changes take steps of $SMARTOS_SIM_SPEED-scaled time, stored in smf.json as pending
// steps: restart goes online* → offline* → online; -s waits for the end.
import { setTimeout as sleep } from 'node:timers/promises';

import type { SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import { readServices, writeServices, type SmfService, type SmfStep } from '../../state/smfStore.js';
import { getopt } from '../svcs/getopt.js';
import { fmriMatches, noMatch } from '../svcs/match.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';

export interface SvcadmContext {
  layout: () => SimLayout;
  now: () => Date;
  /** One step of a state change, in ms. */
  stepMs: number;
}

const USAGE = [
  'Usage: svcadm [-v] [-Z | -z zone] [cmd [args ... ]]',
  '',
  '\tsvcadm enable [-rst] [<service> ...]\t- enable and online service(s)',
  '\tsvcadm disable [-st] [<service> ...]\t- disable and offline service(s)',
  '\tsvcadm restart [-d] [<service> ...]\t- restart specified service(s)',
  '\tsvcadm refresh [<service> ...]\t\t- re-read service configuration',
  '\tsvcadm mark [-It] <state> [<service> ...] - set maintenance state',
  '\tsvcadm clear [<service> ...]\t\t- clear maintenance state',
  '\tsvcadm milestone [-d] <milestone>\t- advance to a service milestone',
  '',
  '\tServices can be specified using an FMRI, abbreviation, or fnmatch(5)',
  '\tpattern, as shown in these examples for svc:/network/smtp:sendmail',
  '',
  '\tsvcadm <cmd> svc:/network/smtp:sendmail',
  '\tsvcadm <cmd> network/smtp:sendmail',
  '\tsvcadm <cmd> network/*mail',
  '\tsvcadm <cmd> network/smtp',
  '\tsvcadm <cmd> smtp:sendmail',
  '\tsvcadm <cmd> smtp',
  '\tsvcadm <cmd> sendmail',
];

const SUBCOMMAND_FLAGS: Readonly<Record<string, string>> = {
  enable: 'rst',
  disable: 'st',
  restart: 'ds',
  refresh: '',
  clear: '',
};

function usage(out: ToolOutput): ToolResult {
  USAGE.forEach((l) => out.error(l));
  return out.result(2);
}

/** The steps a command takes a service through from `t0`; empty when nothing changes. */
function plan(
  action: string,
  s: SmfService,
  t0: number,
  step: number,
): { steps: SmfStep[]; enabled: boolean } {
  const at = (n: number): string => new Date(t0 + n * step).toISOString();
  switch (action) {
    case 'enable':
      if (s.state !== 'disabled') return { steps: [], enabled: true };
      return {
        steps: [
          { at: at(0), state: 'disabled', nextState: 'online' },
          { at: at(1), state: 'offline', nextState: 'online' },
          { at: at(2), state: 'online', nextState: null },
        ],
        enabled: true,
      };
    case 'disable':
      if (s.state === 'disabled') return { steps: [], enabled: false };
      return {
        steps: [
          { at: at(0), state: s.state, nextState: 'disabled' },
          { at: at(1), state: 'disabled', nextState: null },
        ],
        enabled: false,
      };
    case 'restart':
      if (s.state !== 'online' && s.state !== 'degraded') return { steps: [], enabled: s.enabled };
      return {
        steps: [
          { at: at(0), state: s.state, nextState: 'offline' },
          { at: at(1), state: 'offline', nextState: 'online' },
          { at: at(2), state: 'online', nextState: null },
        ],
        enabled: s.enabled,
      };
    case 'clear':
      if (s.state !== 'maintenance' && s.state !== 'degraded') return { steps: [], enabled: s.enabled };
      return {
        steps: [
          { at: at(0), state: s.state, nextState: 'online' },
          { at: at(1), state: 'offline', nextState: 'online' },
          { at: at(2), state: 'online', nextState: null },
        ],
        enabled: s.enabled,
      };
    default:
      return { steps: [], enabled: s.enabled };
  }
}

export async function svcadm(argv: readonly string[], ctx: SvcadmContext): Promise<ToolResult> {
  const out = new ToolOutput();
  const global = getopt(argv, 'vZz:');
  if (global.error) {
    out.error(`svcadm: ${global.error}`);
    return usage(out);
  }
  const [action, ...rest] = global.operands;
  if (action === undefined || !Object.hasOwn(SUBCOMMAND_FLAGS, action)) return usage(out);
  const sub = getopt(rest, SUBCOMMAND_FLAGS[action] ?? '');
  if (sub.error || sub.operands.length === 0) {
    if (sub.error) out.error(`svcadm: ${sub.error}`);
    return usage(out);
  }
  const synchronous = sub.options.some((o) => o.flag === 's');
  const layout = ctx.layout();
  let code = 0;
  let until = 0;
  await withLock(layout.lockFile, () => {
    const now = ctx.now();
    const services = readServices(layout, now);
    for (const pattern of sub.operands) {
      const matched = services.filter((s) => fmriMatches(pattern, s.fmri));
      if (matched.length === 0) {
        out.error(noMatch('svcadm', pattern));
        code = 1;
        continue;
      }
      if (matched.length > 1 && !/[*?[]/.test(pattern)) {
        out.error(`svcadm: Pattern '${pattern}' matches multiple instances:`);
        for (const s of matched) out.error(`\t${s.fmri}`);
        code = 1;
        continue;
      }
      for (const s of matched) {
        const { steps, enabled } = plan(action, s, now.getTime(), ctx.stepMs);
        const index = services.indexOf(s);
        const first = steps[0];
        const changed: SmfService = { ...s, enabled, pending: steps.slice(1) };
        if (first) {
          changed.state = first.state;
          changed.nextState = first.nextState;
          if (first.state !== s.state) changed.stime = first.at;
        }
        services[index] = changed;
        const last = steps[steps.length - 1];
        if (last) until = Math.max(until, Date.parse(last.at));
      }
    }
    writeServices(layout, services);
  });
  if (synchronous && until > 0) await sleep(Math.max(0, until - ctx.now().getTime()));
  return out.result(code);
}
