// `zpool scrub [-s] pool ...` and `zpool online|offline pool device ...`: state changes.
import { computeSpace } from '../../state/zfsAccounting.js';
import { findVdev, scanProgress, simSpeed } from '../../state/zfsPool.js';
import { MiB, type ZfsState } from '../../state/zfsStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { getopt } from '../zfs/getopt.js';
import { getoptMessage } from '../zfs/usage.js';
import { selectPools } from './pools.js';
import { zpoolUsageError } from './usage.js';

/** Simulated scrub speed: about what the office host's two disks manage. */
export const SCRUB_RATE = 48 * MiB;

export function zpoolScrub(
  z: ZfsState,
  args: readonly string[],
  nowMs: number,
  env: NodeJS.ProcessEnv,
): ToolResult {
  const g = getopt(args, 'sp');
  if (g.error !== undefined) return zpoolUsageError('scrub', getoptMessage(g.error));
  if (g.operands.length === 0) return zpoolUsageError('scrub', 'missing pool name argument');
  const stop = g.opts.some((o) => o.flag === 's');
  const out = new ToolOutput();
  const sel = selectPools(z, g.operands);
  for (const e of sel.errors) out.error(e);
  const space = computeSpace(z);
  const speed = simSpeed(env);
  let failed = sel.errors.length > 0;
  for (const pool of sel.pools) {
    const running = pool.scan !== null && scanProgress(pool.scan, nowMs, speed).phase === 'scanning';
    if (stop) {
      if (!running || pool.scan === null) {
        out.error(`cannot cancel scrubbing ${pool.name}: there is no active scrub`);
        failed = true;
      } else {
        pool.scan = { ...pool.scan, canceledMs: nowMs };
      }
      continue;
    }
    if (running) {
      out.error(
        `cannot scrub ${pool.name}: currently scrubbing; use 'zpool scrub -s' to cancel current scrub`,
      );
      failed = true;
      continue;
    }
    pool.scan = {
      func: 'scrub',
      startMs: nowMs,
      totalBytes: space.pools.get(pool.name)?.alloc ?? 0,
      rateBytesPerSec: SCRUB_RATE,
      errors: 0,
    };
  }
  return out.result(failed ? 1 : 0);
}

export function zpoolOnline(z: ZfsState, args: readonly string[], online: boolean): ToolResult {
  const command = online ? 'online' : 'offline';
  const g = getopt(args, online ? 'e' : 't');
  if (g.error !== undefined) return zpoolUsageError(command, getoptMessage(g.error));
  const [poolName, ...devices] = g.operands;
  if (poolName === undefined) return zpoolUsageError(command, 'missing pool name');
  if (devices.length === 0) return zpoolUsageError(command, 'missing device name');
  const out = new ToolOutput();
  const sel = selectPools(z, [poolName]);
  const pool = sel.pools[0];
  if (pool === undefined) {
    for (const e of sel.errors) out.error(e);
    return out.result(1);
  }
  let failed = false;
  for (const dev of devices) {
    const leaf = findVdev(pool.vdev, dev);
    if (leaf === undefined) {
      out.error(`cannot ${command} ${dev}: no such device in pool`);
      failed = true;
      continue;
    }
    leaf.state = online ? 'ONLINE' : 'OFFLINE';
  }
  return out.result(failed ? 1 : 0);
}
