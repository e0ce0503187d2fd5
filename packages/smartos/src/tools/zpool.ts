/** zpool(8): argv builders and thin calls (argv → runTool → pure parser). */
import type { PoolIostat, PoolListEntry, PoolStatus, PropertyRow } from '../model/zpool.js';
import {
  parseZpoolGet,
  parseZpoolIostat,
  parseZpoolListParsable,
  parseZpoolStatus,
} from '../parsers/zpool.js';
import { assertFields, assertPoolName, assertPropertyNames } from './operands.js';
import { runAndParse, runTool } from './runTool.js';
import type { CallOptions, ToolContext } from './tool.js';

/** What the console reads of each pool by default. */
export const ZPOOL_LIST_FIELDS = [
  'name',
  'size',
  'alloc',
  'free',
  'cap',
  'frag',
  'dedupratio',
  'health',
] as const;

export function zpoolListArgv(
  command: string,
  fields: readonly string[] = ZPOOL_LIST_FIELDS,
  pool?: string,
): string[] {
  const argv = [command, 'list', '-H', '-p', '-o', assertFields(fields).join(',')];
  return pool === undefined ? argv : [...argv, '--', assertPoolName(pool)];
}

export function zpoolStatusArgv(
  command: string,
  pool?: string,
  opts: { dedup?: boolean; verbose?: boolean } = {},
): string[] {
  const argv = [command, 'status', ...(opts.verbose ? ['-v'] : []), ...(opts.dedup ? ['-D'] : [])];
  return pool === undefined ? argv : [...argv, '--', assertPoolName(pool)];
}

export function zpoolGetArgv(command: string, properties: readonly string[], pool?: string): string[] {
  const argv = [
    command,
    'get',
    '-H',
    '-p',
    '-o',
    'name,property,value,source',
    assertPropertyNames(properties).join(','),
  ];
  return pool === undefined ? argv : [...argv, '--', assertPoolName(pool)];
}

export function zpoolIostatArgv(command: string, pool?: string): string[] {
  const argv = [command, 'iostat', '-v'];
  return pool === undefined ? argv : [...argv, '--', assertPoolName(pool)];
}

export function zpoolScrubArgv(command: string, pool: string, opts: { stop?: boolean } = {}): string[] {
  return [command, 'scrub', ...(opts.stop ? ['-s'] : []), '--', assertPoolName(pool)];
}

export async function zpoolList(
  ctx: ToolContext,
  call: CallOptions,
  pool?: string,
): Promise<PoolListEntry[]> {
  return runAndParse(
    ctx.transport,
    { argv: zpoolListArgv(ctx.command, ZPOOL_LIST_FIELDS, pool), ...call },
    (out) => parseZpoolListParsable(out, ZPOOL_LIST_FIELDS),
  );
}

export async function zpoolStatus(
  ctx: ToolContext,
  call: CallOptions,
  pool?: string,
  opts: { dedup?: boolean; verbose?: boolean } = {},
): Promise<PoolStatus[]> {
  return runAndParse(
    ctx.transport,
    { argv: zpoolStatusArgv(ctx.command, pool, opts), ...call },
    parseZpoolStatus,
  );
}

export async function zpoolGet(
  ctx: ToolContext,
  properties: readonly string[],
  call: CallOptions,
  pool?: string,
): Promise<PropertyRow[]> {
  return runAndParse(ctx.transport, { argv: zpoolGetArgv(ctx.command, properties, pool), ...call }, (out) =>
    parseZpoolGet(out),
  );
}

export async function zpoolIostat(ctx: ToolContext, call: CallOptions, pool?: string): Promise<PoolIostat[]> {
  return runAndParse(ctx.transport, { argv: zpoolIostatArgv(ctx.command, pool), ...call }, parseZpoolIostat);
}

/** Starts (or with stop, cancels) a scrub; prints nothing on success. Busy → PoolBusy. */
export async function zpoolScrub(
  ctx: ToolContext,
  pool: string,
  call: CallOptions,
  opts: { stop?: boolean } = {},
): Promise<void> {
  await runTool(ctx.transport, { argv: zpoolScrubArgv(ctx.command, pool, opts), ...call });
}
