/** sysinfo(8): the host's hardware and platform facts as JSON. */
import type { HostSummary } from '../model/host.js';
import { parseSysinfo } from '../parsers/sysinfo.js';
import { runAndParse } from './runTool.js';
import type { CallOptions, ToolContext } from './tool.js';

export function sysinfoArgv(command: string): string[] {
  return [command];
}

/** `sysinfo` → HostSummary. */
export async function sysinfo(ctx: ToolContext, call: CallOptions): Promise<HostSummary> {
  return runAndParse(ctx.transport, { argv: sysinfoArgv(ctx.command), ...call }, parseSysinfo);
}
