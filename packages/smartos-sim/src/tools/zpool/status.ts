// `zpool status [-Dvx] [pool ...]`: illumos status_callback / print_status_config, with the
// DDT histogram of print_dedup_stats / zpool_dump_ddt for -D.
import { computeSpace, type DdtCounts, type PoolSpace } from '../../state/zfsAccounting.js';
import { poolHealth, simSpeed, vdevState } from '../../state/zfsPool.js';
import type { PoolRecord, VdevNode, ZfsState } from '../../state/zfsStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { nicenum } from '../zfs/format.js';
import { getopt } from '../zfs/getopt.js';
import { getoptMessage } from '../zfs/usage.js';
import { selectPools } from './pools.js';
import { scanLines } from './scanLine.js';
import { zpoolUsageError } from './usage.js';

function maxWidth(v: VdevNode, depth: number): number {
  return v.children.reduce((w, c) => Math.max(w, maxWidth(c, depth + 2)), v.name.length + depth);
}

function configLines(v: VdevNode, depth: number, width: number, out: string[]): void {
  const state = vdevState(v);
  const e = v.errors;
  let line = `\t${' '.repeat(depth)}${v.name.padEnd(width - depth)}  ${state.padEnd(8)} ${nicenum(e.read).padStart(5)} ${nicenum(e.write).padStart(5)} ${nicenum(e.cksum).padStart(5)}`;
  if (v.kind === 'disk' && state === 'UNAVAIL') line += '  cannot open';
  out.push(line);
  for (const c of v.children) configLines(c, depth + 2, width, out);
}

function leaves(v: VdevNode): VdevNode[] {
  return v.kind === 'disk' ? [v] : v.children.flatMap(leaves);
}

function statusAction(pool: PoolRecord): string[] {
  const bad = leaves(pool.vdev).filter((d) => d.state !== 'ONLINE');
  if (bad.length === 0) return [];
  const health = poolHealth(pool);
  if (bad.every((d) => d.state === 'OFFLINE') && health === 'DEGRADED') {
    return [
      'status: One or more devices has been taken offline by the administrator.',
      '\tSufficient replicas exist for the pool to continue functioning in a',
      '\tdegraded state.',
      "action: Online the device using 'zpool online' or replace the device with",
      "\t'zpool replace'.",
    ];
  }
  if (health === 'DEGRADED') {
    return [
      'status: One or more devices could not be opened.  Sufficient replicas exist for',
      '\tthe pool to continue functioning in a degraded state.',
      "action: Attach the missing device and online it using 'zpool online'.",
      '   see: http://illumos.org/msg/ZFS-8000-2Q',
    ];
  }
  return [
    'status: One or more devices could not be opened.  There are insufficient',
    '\treplicas for the pool to continue functioning.',
    "action: Attach the missing device and online it using 'zpool online'.",
    '   see: http://illumos.org/msg/ZFS-8000-3C',
  ];
}

function ddtRow(refcnt: string, a: DdtCounts, r: DdtCounts): string {
  const n = nicenum;
  return `${refcnt.padStart(6)}   ${n(a.blocks).padStart(6)}   ${n(a.lsize).padStart(5)}   ${n(a.psize).padStart(5)}   ${n(a.dsize).padStart(5)}   ${n(r.blocks).padStart(6)}   ${n(r.lsize).padStart(5)}   ${n(r.psize).padStart(5)}   ${n(r.dsize).padStart(5)}`;
}

function dedupLines(pool: PoolRecord, space: PoolSpace): string[] {
  if (space.ddtEntries === 0) return ['', ' dedup: no DDT entries'];
  return [
    '',
    ` dedup: DDT entries ${space.ddtEntries}, size ${pool.ddtEntryOnDisk} on disk, ${pool.ddtEntryInCore} in core`,
    '',
    'bucket              allocated                       referenced          ',
    '______   ______________________________   ______________________________',
    'refcnt   blocks   LSIZE   PSIZE   DSIZE   blocks   LSIZE   PSIZE   DSIZE',
    '------   ------   -----   -----   -----   ------   -----   -----   -----',
    ...space.ddt.map((b) => ddtRow(nicenum(b.refcnt), b.allocated, b.referenced)),
    ddtRow('Total', space.ddtTotal.allocated, space.ddtTotal.referenced),
    '',
  ];
}

export function zpoolStatus(
  z: ZfsState,
  args: readonly string[],
  nowMs: number,
  env: NodeJS.ProcessEnv,
): ToolResult {
  const g = getopt(args, 'DigLpPsvxT:');
  if (g.error !== undefined) return zpoolUsageError('status', getoptMessage(g.error));
  const dedup = g.opts.some((o) => o.flag === 'D');
  const onlyUnhealthy = g.opts.some((o) => o.flag === 'x');
  const out = new ToolOutput();
  const sel = selectPools(z, g.operands);
  for (const e of sel.errors) out.error(e);
  const space = computeSpace(z);
  const speed = simSpeed(env);
  let pools = sel.pools;
  if (onlyUnhealthy) pools = pools.filter((p) => poolHealth(p) !== 'ONLINE');
  if (onlyUnhealthy && pools.length === 0 && sel.errors.length === 0) {
    out.log(g.operands.length === 0 ? 'all pools are healthy' : `pool '${g.operands[0] ?? ''}' is healthy`);
    return out.result(0);
  }
  if (sel.pools.length === 0 && sel.errors.length === 0) {
    out.log('no pools available');
    return out.result(0);
  }
  pools.forEach((pool, i) => {
    if (i > 0) out.log('');
    out.log(`  pool: ${pool.name}`);
    out.log(` state: ${poolHealth(pool)}`);
    for (const l of statusAction(pool)) out.log(l);
    const scan = scanLines(pool.scan, nowMs, speed);
    scan.forEach((l, j) => out.log(j === 0 ? `  scan: ${l}` : l));
    out.log('config:');
    out.log('');
    const width = Math.max(10, maxWidth(pool.vdev, 0));
    out.log(
      `\t${'NAME'.padEnd(width)}  ${'STATE'.padEnd(8)} ${'READ'.padStart(5)} ${'WRITE'.padStart(5)} ${'CKSUM'.padStart(5)}`,
    );
    const rows: string[] = [];
    configLines(pool.vdev, 0, width, rows);
    for (const r of rows) out.log(r);
    out.log('');
    out.log('errors: No known data errors');
    const ps = space.pools.get(pool.name);
    if (dedup && ps !== undefined) for (const l of dedupLines(pool, ps)) out.log(l);
  });
  return out.result(sel.errors.length > 0 ? 1 : 0);
}
