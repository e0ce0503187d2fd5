// `zfs list [-Hp] [-r|-d max] [-o props] [-s prop]... [-S prop]... [-t types] [names]`.
import { computeSpace } from '../../state/zfsAccounting.js';
import type { DatasetRecord, ZfsState } from '../../state/zfsStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { formatTable, type Column } from './format.js';
import { getopt } from './getopt.js';
import { findProp, fixedWidth, propValue, type PropContext, type PropDef } from './props.js';
import { compareDatasets, parseTypes, selectDatasets } from './select.js';
import { getoptMessage, zfsUsageError } from './usage.js';

const DEFAULT_COLUMNS = 'name,used,available,referenced,mountpoint';

export function parsePropList(text: string): PropDef[] | string {
  const out: PropDef[] = [];
  for (const word of text.split(',')) {
    const p = findProp(word);
    if (p === undefined) return word;
    out.push(p);
  }
  return out;
}

function rawNumber(p: PropDef, ctx: PropContext): number | undefined {
  const v = propValue(p, { ...ctx, parsable: true });
  if (v === undefined) return undefined;
  const n = Number(v.value.replace(/x$/, ''));
  return Number.isFinite(n) ? n : undefined;
}

export function zfsList(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'HS:d:o:prs:t:');
  if (g.error !== undefined) return zfsUsageError('list', getoptMessage(g.error));
  let scripted = false;
  let parsable = false;
  let depth: number | undefined;
  let columns = DEFAULT_COLUMNS;
  let typesText: string | undefined;
  const sorts: { prop: PropDef; desc: boolean }[] = [];
  for (const { flag, arg = '' } of g.opts) {
    if (flag === 'H') scripted = true;
    else if (flag === 'p') parsable = true;
    else if (flag === 'r') depth = Infinity;
    else if (flag === 'd') {
      if (!/^\d+$/.test(arg)) return zfsUsageError('list', `invalid depth '${arg}'`);
      depth = Number(arg);
    } else if (flag === 'o') columns = arg;
    else if (flag === 't') typesText = arg;
    else {
      const prop = findProp(arg);
      if (prop === undefined) return zfsUsageError('list', `invalid property '${arg}'`);
      sorts.push({ prop, desc: flag === 'S' });
    }
  }
  const props = parsePropList(columns);
  if (typeof props === 'string') return zfsUsageError('list', `invalid property '${props}'`);
  const types = parseTypes(typesText ?? 'filesystem,volume');
  if (!(types instanceof Set)) return zfsUsageError('list', `invalid type '${types.bad}'`);

  const out = new ToolOutput();
  const sel = selectDatasets(z, g.operands, types, depth);
  for (const e of sel.errors) out.error(e);
  const space = computeSpace(z);
  const ctxOf = (ds: DatasetRecord): PropContext => ({ z, ds, space: space.datasets.get(ds.name), parsable });
  let rows = sel.datasets;
  if (sorts.length > 0) {
    const keyed = rows.map((ds) => ({ ds, ctx: ctxOf(ds) }));
    keyed.sort((a, b) => {
      for (const { prop, desc } of sorts) {
        let c: number;
        if (prop.kind === 'number') {
          const av = rawNumber(prop, a.ctx) ?? -1;
          const bv = rawNumber(prop, b.ctx) ?? -1;
          c = av - bv;
        } else {
          const av = propValue(prop, a.ctx)?.value ?? '';
          const bv = propValue(prop, b.ctx)?.value ?? '';
          c = av < bv ? -1 : av > bv ? 1 : 0;
        }
        if (c !== 0) return desc ? -c : c;
      }
      return compareDatasets(a.ds, b.ds);
    });
    rows = keyed.map((k) => k.ds);
  }
  const cells = rows.map((ds) => {
    const ctx = ctxOf(ds);
    return props.map((p) => propValue(p, ctx)?.value ?? '-');
  });
  if (cells.length === 0 && sel.errors.length === 0) {
    out.error('no datasets available');
    return out.result(0);
  }
  const cols: Column[] = props.map((p) => ({
    header: p.column,
    right: p.kind === 'number',
    width: fixedWidth(p).width,
  }));
  const result = out.result(sel.errors.length > 0 ? 1 : 0);
  return { ...result, stdout: cells.length === 0 ? '' : formatTable(cols, cells, scripted) };
}
