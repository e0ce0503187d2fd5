// The simulated sysinfo(8): host facts from host.json, VNICs from the running zones.
import { readHost } from '../state/hostStore.js';
import type { SimLayout } from '../state/layout.js';
import { readAllVms } from '../state/vmStore.js';
import { formatSysinfo } from './sysinfoFormat.js';
import { ToolOutput, type ToolResult } from './toolResult.js';
import { runningVnics } from './vnics.js';

const SYSINFO_PATH = '/usr/bin/sysinfo';

export interface SysinfoContext {
  layout: () => SimLayout;
}

/** `sysinfo [-f] [-p] [-u]` (getopts fnpu). */
export function sysinfo(argv: readonly string[], ctx: SysinfoContext): ToolResult {
  const out = new ToolOutput();
  let parsable = false;
  let updateOnly = false;
  for (const arg of argv) {
    if (!arg.startsWith('-') || arg === '-') break;
    if (arg === '--') break;
    for (const flag of arg.slice(1)) {
      if (flag === 'f') continue;
      if (flag === 'p') parsable = true;
      else if (flag === 'u') updateOnly = true;
      else {
        out.error(`${SYSINFO_PATH}: illegal option -- ${flag}`);
        out.log(`Usage: ${SYSINFO_PATH}: [-f] [-p] [-u]`);
        return out.result(2);
      }
    }
  }
  const layout = ctx.layout();
  if (updateOnly) return out.result(0);
  if (parsable) {
    out.error('smartos-sim: sysinfo -p is not simulated yet');
    return out.result(1);
  }
  const host = readHost(layout);
  host['Virtual Network Interfaces'] = runningVnics(host, readAllVms(layout));
  return { code: 0, stdout: formatSysinfo(host), stderr: '' };
}
