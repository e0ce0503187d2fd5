/**
 * svcs(1) and svcadm(8): argv builders and thin calls. Both use getopt, so `--` ends options.
 * `ctx.command` is svcs; svcadm calls take their own context (its command name or path).
 */
import type { SmfExplanation, SmfService } from '../model/smf.js';
import { parseSvcs, parseSvcsExplain } from '../parsers/svcs.js';
import { assertFmri } from './operands.js';
import { runAndParse, runTool } from './runTool.js';
import type { CallOptions, ToolContext } from './tool.js';

export const SVCS_FIELDS = ['state', 'stime', 'fmri'] as const;

export function svcsArgv(
  command: string,
  opts: { all?: boolean; patterns?: readonly string[] } = {},
): string[] {
  const argv = [command, ...(opts.all ? ['-a'] : []), '-H', '-o', SVCS_FIELDS.join(',')];
  const patterns = (opts.patterns ?? []).map(assertFmri);
  return patterns.length > 0 ? [...argv, '--', ...patterns] : argv;
}

export function svcsExplainArgv(command: string, patterns: readonly string[] = []): string[] {
  const checked = patterns.map(assertFmri);
  return checked.length > 0 ? [command, '-x', '--', ...checked] : [command, '-x'];
}

export type SvcadmAction = 'enable' | 'disable' | 'restart' | 'clear';

export function svcadmArgv(
  command: string,
  action: SvcadmAction,
  fmri: string,
  opts: { synchronous?: boolean } = {},
): string[] {
  const sync = opts.synchronous && (action === 'enable' || action === 'disable') ? ['-s'] : [];
  return [command, action, ...sync, '--', assertFmri(fmri)];
}

export async function svcs(
  ctx: ToolContext,
  call: CallOptions,
  opts: { all?: boolean; patterns?: readonly string[] } = {},
): Promise<SmfService[]> {
  return runAndParse(ctx.transport, { argv: svcsArgv(ctx.command, opts), ...call }, (out) =>
    parseSvcs(out, { fields: SVCS_FIELDS }),
  );
}

export async function svcsExplain(
  ctx: ToolContext,
  call: CallOptions,
  patterns: readonly string[] = [],
): Promise<SmfExplanation[]> {
  return runAndParse(
    ctx.transport,
    { argv: svcsExplainArgv(ctx.command, patterns), ...call },
    parseSvcsExplain,
  );
}

/** svcadm prints nothing on success; an unknown FMRI rejects with ServiceNotFound. */
export async function svcadm(
  ctx: ToolContext,
  action: SvcadmAction,
  fmri: string,
  call: CallOptions,
  opts: { synchronous?: boolean } = {},
): Promise<void> {
  await runTool(ctx.transport, { argv: svcadmArgv(ctx.command, action, fmri, opts), ...call });
}
