// `zfs get [-rHp] [-d max] [-o fields] [-t types] [-s sources] all|props [datasets]`.
import { computeSpace } from '../../state/zfsAccounting.js';
import type { ZfsState } from '../../state/zfsStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { getopt } from './getopt.js';
import { formatGet, parseGetFields, type GetRow } from './getTable.js';
import { parsePropList } from './list.js';
import { appliesTo, fixedWidth, propValue, ZFS_PROPS, type PropDef } from './props.js';
import { parseTypes, selectDatasets } from './select.js';
import { getoptMessage, zfsUsageError } from './usage.js';

const SOURCES = ['local', 'default', 'inherited', 'temporary', 'received', 'none'];

function sourceKind(source: string): string {
  if (source.startsWith('inherited')) return 'inherited';
  if (source === '-') return 'none';
  return source;
}

export function zfsGet(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'd:o:s:rt:Hpc');
  if (g.error !== undefined) return zfsUsageError('get', getoptMessage(g.error));
  let scripted = false;
  let parsable = false;
  let depth: number | undefined;
  let fieldsText = 'name,property,value,source';
  let typesText = 'all';
  let sources: Set<string> | undefined;
  for (const { flag, arg = '' } of g.opts) {
    if (flag === 'H') scripted = true;
    else if (flag === 'p') parsable = true;
    else if (flag === 'r') depth = Infinity;
    else if (flag === 'd') {
      if (!/^\d+$/.test(arg)) return zfsUsageError('get', `invalid depth '${arg}'`);
      depth = Number(arg);
    } else if (flag === 'o') fieldsText = arg;
    else if (flag === 't') typesText = arg;
    else if (flag === 's') {
      for (const s of arg.split(','))
        if (!SOURCES.includes(s)) return zfsUsageError('get', `invalid source '${s}'`);
      sources = new Set(arg.split(','));
    }
  }
  const fields = parseGetFields(fieldsText);
  if (typeof fields === 'string') return zfsUsageError('get', `invalid column name '${fields}'`);
  const [propText, ...names] = g.operands;
  if (propText === undefined) return zfsUsageError('get', 'missing property argument');
  const all = propText === 'all';
  let props: PropDef[];
  if (all) props = ZFS_PROPS.filter((p) => p.name !== 'name');
  else {
    const parsed = parsePropList(propText);
    if (typeof parsed === 'string')
      return zfsUsageError('get', `bad property list: invalid property '${parsed}'`);
    props = parsed;
  }
  const types = parseTypes(typesText);
  if (!(types instanceof Set)) return zfsUsageError('get', `invalid type '${types.bad}'`);

  const out = new ToolOutput();
  const sel = selectDatasets(z, names, types, depth);
  for (const e of sel.errors) out.error(e);
  const space = computeSpace(z);
  const rows: GetRow[] = [];
  let valueWidth = 0;
  for (const p of props) {
    const w = fixedWidth(p);
    if (w.fixed && !parsable) valueWidth = Math.max(valueWidth, w.width);
    else if (w.fixed) valueWidth = Math.max(valueWidth, w.width);
  }
  for (const ds of sel.datasets) {
    const ctx = { z, ds, space: space.datasets.get(ds.name), parsable };
    for (const p of props) {
      if (all && !appliesTo(p, ds.type)) continue;
      const v = propValue(p, ctx) ?? { value: '-', source: '-' };
      if (sources !== undefined && !sources.has(sourceKind(v.source))) continue;
      const w = fixedWidth(p);
      if (!w.fixed || parsable) valueWidth = Math.max(valueWidth, v.value.length);
      rows.push({ name: ds.name, property: p.name, value: v.value, source: v.source });
    }
  }
  const result = out.result(sel.errors.length > 0 ? 1 : 0);
  return { ...result, stdout: rows.length === 0 ? '' : formatGet(rows, fields, scripted, valueWidth) };
}
