// `zpool get [-Hp] [-o fields] all|props pool ...`.
import { computeSpace } from '../../state/zfsAccounting.js';
import type { ZfsState } from '../../state/zfsStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { getopt } from '../zfs/getopt.js';
import { formatGet, parseGetFields, type GetRow } from '../zfs/getTable.js';
import { getoptMessage } from '../zfs/usage.js';
import { findPoolProp, POOL_PROPS, poolPropValue, poolPropWidth, type PoolPropDef } from './poolProps.js';
import { selectPools } from './pools.js';
import { zpoolUsageError } from './usage.js';

export function zpoolGet(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'Hpo:');
  if (g.error !== undefined) return zpoolUsageError('get', getoptMessage(g.error));
  const scripted = g.opts.some((o) => o.flag === 'H');
  const parsable = g.opts.some((o) => o.flag === 'p');
  const fields = parseGetFields(g.opts.findLast((o) => o.flag === 'o')?.arg ?? 'name,property,value,source');
  if (typeof fields === 'string') return zpoolUsageError('get', `invalid column name '${fields}'`);
  const [propText, ...names] = g.operands;
  if (propText === undefined) return zpoolUsageError('get', 'missing property argument');
  let props: PoolPropDef[];
  if (propText === 'all') props = POOL_PROPS.filter((p) => p.name !== 'name');
  else {
    props = [];
    for (const word of propText.split(',')) {
      const p = findPoolProp(word);
      if (p === undefined) return zpoolUsageError('get', `bad property list: invalid property '${word}'`);
      props.push(p);
    }
  }
  const out = new ToolOutput();
  const sel = selectPools(z, names);
  for (const e of sel.errors) out.error(e);
  const space = computeSpace(z);
  const rows: GetRow[] = [];
  let valueWidth = 0;
  for (const p of props) {
    const w = poolPropWidth(p);
    if (w.fixed) valueWidth = Math.max(valueWidth, w.width);
  }
  for (const pool of sel.pools) {
    const ps = space.pools.get(pool.name);
    if (ps === undefined) continue;
    for (const p of props) {
      const v = poolPropValue(p, pool, ps, parsable);
      if (!poolPropWidth(p).fixed || parsable) valueWidth = Math.max(valueWidth, v.value.length);
      rows.push({ name: pool.name, property: p.name, value: v.value, source: v.source });
    }
  }
  const result = out.result(sel.errors.length > 0 ? 1 : 0);
  return { ...result, stdout: rows.length === 0 ? '' : formatGet(rows, fields, scripted, valueWidth) };
}
