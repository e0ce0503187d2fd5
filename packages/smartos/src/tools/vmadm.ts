/**
 * vmadm(8): argv builders and thin calls. Each call is argv → runTool → pure parser.
 * UUIDs are checked before any argv is built; nothing user-supplied reaches a shell.
 * Every call is async, so a bad argument rejects (it never throws synchronously).
 */
import { firstLine, SmartosError } from '../errors.js';
import { parseVmadmGet, type VmadmVm } from '../parsers/vmadmGet.js';
import { parseVmadmListParsable, type VmadmListRow } from '../parsers/vmadmList.js';
import { parseVmadmLookupObjects } from '../parsers/vmadmLookup.js';
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

/** `vmadm lookup -j -o <fields>`: every VM as a JSON object holding only those properties. */
export function vmadmLookupArgv(command: string, fields: readonly string[]): string[] {
  checkFields(fields, 'field');
  return [command, 'lookup', '-j', '-o', fields.join(',')];
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

/**
 * `vmadm lookup -j -o <fields>`, each VM object mapped inside the parse step (a VM the mapper
 * rejects is a ParseError naming the command). Unlike `list -p`, values may hold ':' (times,
 * IPv6) and arrays (nics, disks).
 */
export async function vmadmLookupJson<T>(
  ctx: ToolContext,
  fields: readonly string[],
  call: CallOptions,
  map: (vm: Record<string, unknown>) => T,
): Promise<T[]> {
  const argv = vmadmLookupArgv(ctx.command, fields);
  return runAndParse(ctx.transport, { argv, ...call }, (stdout) => parseVmadmLookupObjects(stdout).map(map));
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

/** A vmadm payload (create or update): JSON on stdin, never on the command line. */
export type VmadmPayload = Readonly<Record<string, unknown>>;

const SNAPSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

function assertSnapshotName(name: string): string {
  if (!SNAPSHOT_NAME.test(name)) {
    throw new SmartosError({
      code: 'InvalidProperty',
      message: `not a snapshot name: ${JSON.stringify(name)} (letters, digits, _ . : - ; at most 64)`,
      properties: ['snapshot'],
    });
  }
  return name;
}

export function vmadmCreateArgv(command: string): string[] {
  return [command, 'create'];
}

export function vmadmValidateCreateArgv(command: string): string[] {
  return [command, 'validate', 'create'];
}

export function vmadmUpdateArgv(command: string, uuid: string): string[] {
  return [command, 'update', assertUuid(uuid)];
}

export function vmadmDeleteArgv(command: string, uuid: string): string[] {
  return [command, 'delete', assertUuid(uuid)];
}

export function vmadmSnapshotArgv(
  command: string,
  verb: 'create-snapshot' | 'rollback-snapshot' | 'delete-snapshot',
  uuid: string,
  name: string,
): string[] {
  return [command, verb, assertUuid(uuid), assertSnapshotName(name)];
}

export function vmadmInfoArgv(command: string, uuid: string, types: readonly string[]): string[] {
  for (const t of types) {
    if (!/^[a-z]+$/.test(t)) {
      throw new SmartosError({
        code: 'InvalidProperty',
        message: `not a vmadm info type: ${JSON.stringify(t)}`,
      });
    }
  }
  return [command, 'info', assertUuid(uuid), ...(types.length ? [types.join(',')] : [])];
}

const CREATED = /^Successfully created VM ([0-9a-f-]{36})$/m;

/** `vmadm create` with the payload on stdin; resolves with the new VM's uuid. */
export async function vmadmCreate(
  ctx: ToolContext,
  payload: VmadmPayload,
  call: CallOptions,
): Promise<ActionResult & { uuid: string }> {
  const argv = vmadmCreateArgv(ctx.command);
  const result = await runTool(ctx.transport, { argv, stdin: JSON.stringify(payload), ...call });
  const uuid = CREATED.exec(result.stderr)?.[1] ?? CREATED.exec(result.stdout)?.[1];
  if (!uuid) {
    throw new SmartosError({
      code: 'ParseError',
      argv,
      exitCode: result.exitCode,
      stderr: result.stderr,
      message: `vmadm create succeeded but did not name the new VM: ${firstLine(result.stderr)}`,
    });
  }
  return { uuid, message: firstLine(result.stderr) };
}

/** `vmadm validate create`: resolves when the host accepts the payload, else InvalidProperty/MissingProperty. */
export async function vmadmValidateCreate(
  ctx: ToolContext,
  payload: VmadmPayload,
  call: CallOptions,
): Promise<ActionResult> {
  const argv = vmadmValidateCreateArgv(ctx.command);
  const result = await runTool(ctx.transport, { argv, stdin: JSON.stringify(payload), ...call });
  return { message: firstLine(result.stderr) || firstLine(result.stdout) };
}

export async function vmadmUpdate(
  ctx: ToolContext,
  uuid: string,
  payload: VmadmPayload,
  call: CallOptions,
): Promise<ActionResult> {
  const argv = vmadmUpdateArgv(ctx.command, uuid);
  const result = await runTool(ctx.transport, { argv, stdin: JSON.stringify(payload), ...call });
  return { message: firstLine(result.stderr) || firstLine(result.stdout) };
}

export async function vmadmDelete(ctx: ToolContext, uuid: string, call: CallOptions): Promise<ActionResult> {
  return action(ctx, vmadmDeleteArgv(ctx.command, uuid), call);
}

export async function vmadmSnapshot(
  ctx: ToolContext,
  verb: 'create-snapshot' | 'rollback-snapshot' | 'delete-snapshot',
  uuid: string,
  name: string,
  call: CallOptions,
): Promise<ActionResult> {
  return action(ctx, vmadmSnapshotArgv(ctx.command, verb, uuid, name), call);
}

/** `vmadm info <uuid> [types]`: JSON keyed by type (only for running kvm and bhyve VMs). */
export async function vmadmInfo(
  ctx: ToolContext,
  uuid: string,
  types: readonly string[],
  call: CallOptions,
): Promise<Record<string, unknown>> {
  return runAndParse(ctx.transport, { argv: vmadmInfoArgv(ctx.command, uuid, types), ...call }, (stdout) => {
    const value: unknown = JSON.parse(stdout);
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  });
}
