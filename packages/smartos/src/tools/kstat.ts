/** kstat(8): `kstat -p <selector>...` (getopt: `--` ends options). */
import type { ArcStats, KstatEntry } from '../model/kstat.js';
import { parseArcStats, parseKstat } from '../parsers/kstat.js';
import { assertKstatSpec } from './operands.js';
import { runAndParse } from './runTool.js';
import type { CallOptions, ToolContext } from './tool.js';

export const ARC_STATISTICS = [
  'c',
  'c_max',
  'c_min',
  'hits',
  'l2_hits',
  'l2_misses',
  'l2_size',
  'mfu_size',
  'misses',
  'mru_size',
  'size',
] as const;

export function kstatArgv(command: string, selectors: readonly string[]): string[] {
  return [command, '-p', '--', ...selectors.map(assertKstatSpec)];
}

export async function kstat(
  ctx: ToolContext,
  selectors: readonly string[],
  call: CallOptions,
): Promise<KstatEntry[]> {
  return runAndParse(ctx.transport, { argv: kstatArgv(ctx.command, selectors), ...call }, parseKstat);
}

/** The ARC statistics the console shows (zfs:0:arcstats). */
export async function arcStats(ctx: ToolContext, call: CallOptions): Promise<ArcStats> {
  const selectors = ARC_STATISTICS.map((s) => `zfs:0:arcstats:${s}`);
  return runAndParse(ctx.transport, { argv: kstatArgv(ctx.command, selectors), ...call }, parseArcStats);
}
