// zfs's subcommands that change state: create, destroy, snapshot, rollback, clone, set.
// Each parses its argv, applies the zfsStore operation and prints nothing on success.
import {
  clone,
  createFilesystem,
  createZvol,
  destroy,
  rollback,
  setProperty,
  snapshot,
  ZfsError,
  type ZfsState,
} from '../../state/zfsStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { getopt } from './getopt.js';
import { findProp } from './props.js';
import { getoptMessage, zfsUsageError } from './usage.js';

const SIZE = /^(\d+(?:\.\d+)?)([bkmgtpe]?)b?$/i;

/** zfs_nicestrtonum: `10G`, `512M`, `1.5T`, `8192` → bytes. */
export function parseSize(text: string): number | undefined {
  const m = SIZE.exec(text);
  if (m === null) return undefined;
  const power = ' kmgtpe'.indexOf((m[2] ?? '').toLowerCase() || ' ');
  return Math.round(Number(m[1]) * 1024 ** Math.max(0, power));
}

function fail(err: unknown): ToolResult {
  if (!(err instanceof ZfsError)) throw err;
  const out = new ToolOutput();
  for (const line of err.lines) out.error(line);
  return out.result(err.code);
}

const ok = (): ToolResult => ({ code: 0, stdout: '', stderr: '' });

/** `-o prop=value` pairs with sizes normalised to bytes; a string is the bad one's message. */
function propArgs(opts: readonly { flag: string; arg?: string }[]): Record<string, string> | string {
  const props: Record<string, string> = {};
  for (const { flag, arg = '' } of opts) {
    if (flag !== 'o') continue;
    const eq = arg.indexOf('=');
    if (eq < 0) return `missing '=' for -o option`;
    const name = arg.slice(0, eq);
    const value = arg.slice(eq + 1);
    const def = findProp(name);
    if (def === undefined) return `invalid property '${name}'`;
    if (def.kind === 'number' && value !== 'none') {
      const n = parseSize(value);
      if (n === undefined) return `bad numeric value '${value}'`;
      props[def.name] = String(n);
    } else props[def.name] = value === 'none' && def.kind === 'number' ? '0' : value;
  }
  return props;
}

export function zfsSnapshot(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'ro:');
  if (g.error !== undefined) return zfsUsageError('snapshot', getoptMessage(g.error));
  if (g.operands.length === 0) return zfsUsageError('snapshot', 'missing snapshot argument');
  const recursive = g.opts.some((o) => o.flag === 'r');
  try {
    for (const name of g.operands) snapshot(z, name, { recursive });
  } catch (err) {
    return fail(err);
  }
  return ok();
}

export function zfsRollback(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'rRf');
  if (g.error !== undefined) return zfsUsageError('rollback', getoptMessage(g.error));
  if (g.operands.length === 0) return zfsUsageError('rollback', 'missing dataset argument');
  if (g.operands.length > 1) return zfsUsageError('rollback', 'too many arguments');
  const destroyNewer = g.opts.some((o) => o.flag === 'r' || o.flag === 'R');
  try {
    rollback(z, g.operands[0] ?? '', { destroyNewer });
  } catch (err) {
    return fail(err);
  }
  return ok();
}

export function zfsDestroy(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'vpndfrR');
  if (g.error !== undefined) return zfsUsageError('destroy', getoptMessage(g.error));
  if (g.operands.length === 0) return zfsUsageError('destroy', 'missing dataset argument');
  if (g.operands.length > 1) return zfsUsageError('destroy', 'too many arguments');
  const recursive = g.opts.some((o) => o.flag === 'r' || o.flag === 'R');
  try {
    destroy(z, g.operands[0] ?? '', { recursive });
  } catch (err) {
    return fail(err);
  }
  return ok();
}

export function zfsClone(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'o:p');
  if (g.error !== undefined) return zfsUsageError('clone', getoptMessage(g.error));
  const [source, target, ...extra] = g.operands;
  if (source === undefined) return zfsUsageError('clone', 'missing source dataset argument');
  if (target === undefined) return zfsUsageError('clone', 'missing target dataset argument');
  if (extra.length > 0) return zfsUsageError('clone', 'too many arguments');
  const props = propArgs(g.opts);
  if (typeof props === 'string') return zfsUsageError('clone', props);
  try {
    clone(z, source, target, props);
  } catch (err) {
    return fail(err);
  }
  return ok();
}

export function zfsCreate(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'pso:V:b:');
  if (g.error !== undefined) return zfsUsageError('create', getoptMessage(g.error));
  const [name, ...extra] = g.operands;
  if (name === undefined) return zfsUsageError('create', 'missing filesystem argument');
  if (extra.length > 0) return zfsUsageError('create', 'too many arguments');
  const props = propArgs(g.opts);
  if (typeof props === 'string') return zfsUsageError('create', props);
  const vol = g.opts.find((o) => o.flag === 'V');
  const block = g.opts.find((o) => o.flag === 'b');
  try {
    if (vol !== undefined) {
      const size = parseSize(vol.arg ?? '');
      if (size === undefined) return zfsUsageError('create', `bad volume size '${vol.arg ?? ''}'`);
      if (block !== undefined) props.volblocksize = String(parseSize(block.arg ?? '') ?? 8192);
      createZvol(z, name, size, props, { sparse: g.opts.some((o) => o.flag === 's') });
    } else {
      createFilesystem(z, name, props);
    }
  } catch (err) {
    return fail(err);
  }
  return ok();
}

export function zfsSet(z: ZfsState, args: readonly string[]): ToolResult {
  const assigns = args.filter((a) => a.includes('='));
  const names = args.filter((a) => !a.includes('='));
  if (assigns.length === 0) return zfsUsageError('set', 'missing property=value argument(s)');
  if (names.length === 0) return zfsUsageError('set', 'missing dataset name(s)');
  const props = propArgs(assigns.map((a) => ({ flag: 'o', arg: a })));
  if (typeof props === 'string') return zfsUsageError('set', props);
  for (const [prop] of Object.entries(props)) {
    if (findProp(prop)?.readonly === true) {
      const out = new ToolOutput();
      out.error(`cannot set property for '${names[0] ?? ''}': '${prop}' is readonly`);
      return out.result(1);
    }
  }
  try {
    for (const name of names)
      for (const [prop, value] of Object.entries(props)) setProperty(z, name, prop, value);
  } catch (err) {
    return fail(err);
  }
  return ok();
}
