// `zpool iostat [-v] [pool ...]`: one report of the averages since boot (illumos
// print_iostat_header / print_vdev_stats). Intervals are not simulated: one report.
import { computeSpace } from '../../state/zfsAccounting.js';
import { vdevState } from '../../state/zfsPool.js';
import type { PoolRecord, VdevNode, ZfsState } from '../../state/zfsStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { nicenum } from '../zfs/format.js';
import { getopt } from '../zfs/getopt.js';
import { getoptMessage } from '../zfs/usage.js';
import { selectPools } from './pools.js';
import { zpoolUsageError } from './usage.js';

function nameWidth(v: VdevNode, depth: number): number {
  return v.children.reduce((w, c) => Math.max(w, nameWidth(c, depth + 2)), v.name.length + depth);
}

function leafCount(v: VdevNode): number {
  return v.kind === 'disk'
    ? v.state === 'ONLINE'
      ? 1
      : 0
    : v.children.reduce((n, c) => n + leafCount(c), 0);
}

export function zpoolIostat(z: ZfsState, args: readonly string[]): ToolResult {
  const g = getopt(args, 'gLPvT:');
  if (g.error !== undefined) return zpoolUsageError('iostat', getoptMessage(g.error));
  const verbose = g.opts.some((o) => o.flag === 'v');
  const names = g.operands.filter((a) => !/^\d+(\.\d+)?$/.test(a));
  const out = new ToolOutput();
  const sel = selectPools(z, names);
  if (sel.errors.length > 0) {
    for (const e of sel.errors) out.error(e);
    return out.result(1);
  }
  const space = computeSpace(z);
  const depthOf = verbose
    ? (p: PoolRecord): number => nameWidth(p.vdev, 0)
    : (p: PoolRecord): number => p.name.length;
  const width = Math.max(10, Math.min(38, ...sel.pools.map(depthOf)));
  const sep = `${'-'.repeat(width)}  -----  -----  -----  -----  -----  -----`;
  out.log(`${' '.repeat(width)}     capacity     operations    bandwidth`);
  out.log(`${'pool'.padEnd(width)}  alloc   free   read  write   read  write`);
  out.log(sep);
  const stat = (n: number): string => `  ${nicenum(n).padStart(5)}`;
  for (const pool of sel.pools) {
    const ps = space.pools.get(pool.name);
    const alloc = ps?.alloc ?? 0;
    const free = ps?.free ?? 0;
    const io = pool.io;
    const row = (name: string, depth: number, cap: string, share: number): void => {
      out.log(
        `${' '.repeat(depth)}${name.padEnd(width - depth)}${cap}${stat(io.readOps * share)}${stat(io.writeOps * share)}${stat(io.readBytes * share)}${stat(io.writeBytes * share)}`,
      );
    };
    row(pool.name, 0, `${stat(alloc)}${stat(free)}`, 1);
    if (!verbose) continue;
    const tops = pool.vdev.children;
    for (const top of tops) {
      const topShare = 1 / Math.max(1, tops.length);
      const topCap = `${stat(alloc * topShare)}${stat(free * topShare)}`;
      if (top.kind === 'disk') {
        row(top.name, 2, topCap, vdevState(top) === 'ONLINE' ? topShare : 0);
        continue;
      }
      row(top.name, 2, topCap, topShare);
      const live = Math.max(1, leafCount(top));
      for (const leaf of top.children) {
        row(leaf.name, 4, '      -      -', vdevState(leaf) === 'ONLINE' ? topShare / live : 0);
      }
    }
    out.log(sep);
    out.log('');
  }
  return out.result(0);
}
