/** nictagadm(8): `nictagadm list -p -d ,` (a comma never occurs in tag names, MACs or links). */
import type { NicTag } from '../model/network.js';
import { parseNictagadmList } from '../parsers/nictagadm.js';
import { runAndParse } from './runTool.js';
import type { CallOptions, ToolContext } from './tool.js';

export function nictagadmListArgv(command: string): string[] {
  return [command, 'list', '-p', '-d', ','];
}

export async function nictagadmList(ctx: ToolContext, call: CallOptions): Promise<NicTag[]> {
  return runAndParse(ctx.transport, { argv: nictagadmListArgv(ctx.command), ...call }, (out) =>
    parseNictagadmList(out, { delimiter: ',' }),
  );
}
