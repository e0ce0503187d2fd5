// `zpool list [-Hp] [-o props] [pool ...]`.
import { computeSpace } from '../../state/zfsAccounting.js';
import type { ZfsState } from '../../state/zfsStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { formatTable } from '../zfs/format.js';
import { getopt } from '../zfs/getopt.js';
import { getoptMessage } from '../zfs/usage.js';
import { findPoolProp, poolPropValue, poolPropWidth, type PoolPropDef } from './poolProps.js';
import { selectPools } from './pools.js';
import { zpoolUsageError } from './usage.js';

const DEFAULT =
  'name,size,allocated,free,checkpoint,expandsize,fragmentation,capacity,dedupratio,health,altroot';

export function zpoolList(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'Ho:pT:v');
  if (g.error !== undefined) return zpoolUsageError('list', getoptMessage(g.error));
  const scripted = g.opts.some((o) => o.flag === 'H');
  const parsable = g.opts.some((o) => o.flag === 'p');
  const props: PoolPropDef[] = [];
  for (const word of (g.opts.findLast((o) => o.flag === 'o')?.arg ?? DEFAULT).split(',')) {
    const p = findPoolProp(word);
    if (p === undefined) return zpoolUsageError('list', `invalid property '${word}'`);
    props.push(p);
  }
  const out = new ToolOutput();
  const sel = selectPools(z, g.operands);
  for (const e of sel.errors) out.error(e);
  if (sel.pools.length === 0 && sel.errors.length === 0) {
    out.log('no pools available');
    return out.result(0);
  }
  const space = computeSpace(z);
  const rows = sel.pools.flatMap((pool) => {
    const ps = space.pools.get(pool.name);
    return ps === undefined ? [] : [props.map((p) => poolPropValue(p, pool, ps, parsable).value)];
  });
  const cols = props.map((p) => ({ header: p.column, right: p.number, width: poolPropWidth(p).width }));
  const result = out.result(sel.errors.length > 0 ? 1 : 0);
  return { ...result, stdout: rows.length === 0 ? '' : formatTable(cols, rows, scripted) };
}
