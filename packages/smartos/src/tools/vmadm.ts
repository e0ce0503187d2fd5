/**
 * vmadm(8): argv builders and thin calls. Each call is argv → runTool → pure parser.
 * UUIDs are checked before any argv is built; nothing user-supplied reaches a shell.
 * Every call is async, so a bad argument rejects (it never throws synchronously).
 */
import { firstLine, SmartosError } from '../errors.js';
import { parseVmadmGet, type VmadmVm } from '../parsers/vmadmGet.js';
import { parseVmadmListParsable, type VmadmListRow } from '../parsers/vmadmList.js';
import { assertUuid } from '../uuid.js';
import { runAndParse, runTool } from './runTool.js';
import type { ActionResult, CallOptions, ToolContext } from './tool.js';

export interface VmadmListArgs {
  /** `-o` fields. Only one of them may contain ':' in its values (put it last: alias). */
  fields: readonly string[];
  /** `-s` fields, each optionally prefixed with - (descending) or + (ascending). */
  sort?: readonly string[];
}

const FIELD = /^[a-z0-9_]+(?:\.[A-Za-z0-9_*-]+)*$/;

export function vmadmListArgv(command: string, args: VmadmListArgs): string[] {
  checkFields(args.fields, 'field');
  const argv = [command, 'list', '-p', '-o', args.fields.join(',')];
  if (args.sort && args.sort.length > 0) {
    checkFields(
      args.sort.map((s) => s.replace(/^[+-]/, '')),
      'sort field',
    );
    argv.push('-s', args.sort.join(','));
  }
  return argv;
}

export function vmadmGetArgv(command: string, uuid: string): string[] {
  return [command, 'get', assertUuid(uuid)];
}

export function vmadmStartArgv(command: string, uuid: string): string[] {
  return [command, 'start', assertUuid(uuid)];
}

export function vmadmStopArgv(command: string, uuid: string, opts: { force?: boolean } = {}): string[] {
  return [command, 'stop', assertUuid(uuid), ...(opts.force ? ['-F'] : [])];
}

export function vmadmRebootArgv(command: string, uuid: string, opts: { force?: boolean } = {}): string[] {
  return [command, 'reboot', assertUuid(uuid), ...(opts.force ? ['-F'] : [])];
}

/**
 * `vmadm list -p -o <fields> [-s <sort>]`, one row per VM keyed by field, optionally mapped
 * (inside the parse step, so a row the mapper rejects is a ParseError naming the command).
 */
export function vmadmList(ctx: ToolContext, args: VmadmListArgs, call: CallOptions): Promise<VmadmListRow[]>;
export function vmadmList<T>(
  ctx: ToolContext,
  args: VmadmListArgs,
  call: CallOptions,
  map: (row: VmadmListRow) => T,
): Promise<T[]>;
export async function vmadmList<T>(
  ctx: ToolContext,
  args: VmadmListArgs,
  call: CallOptions,
  map?: (row: VmadmListRow) => T,
): Promise<(T | VmadmListRow)[]> {
  const argv = vmadmListArgv(ctx.command, args);
  return runAndParse(ctx.transport, { argv, ...call }, (stdout) => {
    const rows = parseVmadmListParsable(stdout, args.fields);
    return map ? rows.map(map) : rows;
  });
}

/** `vmadm get <uuid>`: the full VM object. */
export async function vmadmGet(ctx: ToolContext, uuid: string, call: CallOptions): Promise<VmadmVm> {
  return runAndParse(ctx.transport, { argv: vmadmGetArgv(ctx.command, uuid), ...call }, parseVmadmGet);
}

export async function vmadmStart(ctx: ToolContext, uuid: string, call: CallOptions): Promise<ActionResult> {
  return action(ctx, vmadmStartArgv(ctx.command, uuid), call);
}

export async function vmadmStop(
  ctx: ToolContext,
  uuid: string,
  opts: { force?: boolean },
  call: CallOptions,
): Promise<ActionResult> {
  return action(ctx, vmadmStopArgv(ctx.command, uuid, opts), call);
}

export async function vmadmReboot(
  ctx: ToolContext,
  uuid: string,
  opts: { force?: boolean },
  call: CallOptions,
): Promise<ActionResult> {
  return action(ctx, vmadmRebootArgv(ctx.command, uuid, opts), call);
}

async function action(ctx: ToolContext, argv: string[], call: CallOptions): Promise<ActionResult> {
  const result = await runTool(ctx.transport, { argv, ...call });
  return { message: firstLine(result.stderr) || firstLine(result.stdout) };
}

function checkFields(fields: readonly string[], what: string): void {
  if (fields.length === 0)
    throw new SmartosError({ code: 'InvalidProperty', message: `vmadm list needs at least one ${what}` });
  for (const field of fields) {
    if (!FIELD.test(field)) {
      throw new SmartosError({
        code: 'InvalidProperty',
        message: `not a vmadm list ${what}: ${JSON.stringify(field)}`,
        properties: [field],
      });
    }
  }
}
