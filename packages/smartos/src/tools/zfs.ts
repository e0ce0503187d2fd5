/** zfs(8): argv builders and thin calls (argv → runTool → pure parser). */
import type { ZfsDataset } from '../model/zfs.js';
import type { PropertyRow } from '../model/zpool.js';
import { parseZfsGet, parseZfsListParsable } from '../parsers/zfs.js';
import { assertDatasetName, assertFields, assertPropertyNames } from './operands.js';
import { runAndParse, runTool } from './runTool.js';
import type { CallOptions, ToolContext } from './tool.js';

export const ZFS_LIST_FIELDS = [
  'name',
  'type',
  'used',
  'avail',
  'refer',
  'mountpoint',
  'compressratio',
  'logicalused',
  'quota',
  'compression',
  'dedup',
] as const;
export const ZFS_SNAPSHOT_FIELDS = ['name', 'used', 'refer', 'creation'] as const;

export type ZfsType = 'filesystem' | 'volume' | 'snapshot' | 'all';

export interface ZfsListArgs {
  fields?: readonly string[];
  types?: readonly ZfsType[];
  /** Datasets to list (with their children when recursive). */
  datasets?: readonly string[];
  recursive?: boolean;
}

export function zfsListArgv(command: string, args: ZfsListArgs = {}): string[] {
  const argv = [command, 'list', '-H', '-p'];
  if (args.recursive) argv.push('-r');
  if (args.types && args.types.length > 0) argv.push('-t', args.types.join(','));
  argv.push('-o', assertFields(args.fields ?? ZFS_LIST_FIELDS).join(','));
  const datasets = (args.datasets ?? []).map((d) => assertDatasetName(d, { snapshot: 'allowed' }));
  return datasets.length > 0 ? [...argv, '--', ...datasets] : argv;
}

export function zfsGetArgv(
  command: string,
  properties: readonly string[],
  datasets: readonly string[] = [],
): string[] {
  const argv = [
    command,
    'get',
    '-H',
    '-p',
    '-o',
    'name,property,value,source',
    assertPropertyNames(properties).join(','),
  ];
  const names = datasets.map((d) => assertDatasetName(d, { snapshot: 'allowed' }));
  return names.length > 0 ? [...argv, '--', ...names] : argv;
}

export function zfsSnapshotArgv(command: string, snapshot: string): string[] {
  return [command, 'snapshot', '--', assertDatasetName(snapshot, { snapshot: 'required' })];
}

export function zfsRollbackArgv(
  command: string,
  snapshot: string,
  opts: { destroyNewer?: boolean } = {},
): string[] {
  return [
    command,
    'rollback',
    ...(opts.destroyNewer ? ['-r'] : []),
    '--',
    assertDatasetName(snapshot, { snapshot: 'required' }),
  ];
}

export function zfsDestroyArgv(
  command: string,
  dataset: string,
  opts: { recursive?: boolean } = {},
): string[] {
  return [
    command,
    'destroy',
    ...(opts.recursive ? ['-r'] : []),
    '--',
    assertDatasetName(dataset, { snapshot: 'allowed' }),
  ];
}

export function zfsCloneArgv(command: string, snapshot: string, target: string): string[] {
  return [
    command,
    'clone',
    '--',
    assertDatasetName(snapshot, { snapshot: 'required' }),
    assertDatasetName(target),
  ];
}

export async function zfsList(ctx: ToolContext, args: ZfsListArgs, call: CallOptions): Promise<ZfsDataset[]> {
  const fields = args.fields ?? ZFS_LIST_FIELDS;
  return runAndParse(ctx.transport, { argv: zfsListArgv(ctx.command, args), ...call }, (out) =>
    parseZfsListParsable(out, fields),
  );
}

export async function zfsGet(
  ctx: ToolContext,
  properties: readonly string[],
  datasets: readonly string[],
  call: CallOptions,
): Promise<PropertyRow[]> {
  return runAndParse(ctx.transport, { argv: zfsGetArgv(ctx.command, properties, datasets), ...call }, (out) =>
    parseZfsGet(out),
  );
}

export async function zfsSnapshot(ctx: ToolContext, snapshot: string, call: CallOptions): Promise<void> {
  await runTool(ctx.transport, { argv: zfsSnapshotArgv(ctx.command, snapshot), ...call });
}

export async function zfsRollback(
  ctx: ToolContext,
  snapshot: string,
  call: CallOptions,
  opts: { destroyNewer?: boolean } = {},
): Promise<void> {
  await runTool(ctx.transport, { argv: zfsRollbackArgv(ctx.command, snapshot, opts), ...call });
}

export async function zfsDestroy(
  ctx: ToolContext,
  dataset: string,
  call: CallOptions,
  opts: { recursive?: boolean } = {},
): Promise<void> {
  await runTool(ctx.transport, { argv: zfsDestroyArgv(ctx.command, dataset, opts), ...call });
}

export async function zfsClone(
  ctx: ToolContext,
  snapshot: string,
  target: string,
  call: CallOptions,
): Promise<void> {
  await runTool(ctx.transport, { argv: zfsCloneArgv(ctx.command, snapshot, target), ...call });
}
