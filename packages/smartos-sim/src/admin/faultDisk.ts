// `smartos-sim fault-disk <pool> <disk>`: a disk of the simulated pool stops answering
// (UNAVAIL, "cannot open"), so `zpool status` shows the DEGRADED layout.
import type { SimLayout } from '../state/layout.js';
import { withLock } from '../state/lock.js';
import { findVdev } from '../state/zfsPool.js';
import { readZfs, writeZfs } from '../state/zfsStore.js';
import { ToolOutput, type ToolResult } from '../tools/toolResult.js';

export async function faultDisk(layout: SimLayout, poolName: string, disk: string): Promise<ToolResult> {
  return withLock(layout.lockFile, () => {
    const out = new ToolOutput();
    const z = readZfs(layout);
    const pool = Object.hasOwn(z.pools, poolName) ? z.pools[poolName] : undefined;
    if (pool === undefined) {
      out.error(`smartos-sim: no pool "${poolName}"`);
      return out.result(1);
    }
    const leaf = findVdev(pool.vdev, disk);
    if (leaf === undefined) {
      out.error(`smartos-sim: pool "${poolName}" has no disk "${disk}"`);
      return out.result(1);
    }
    leaf.state = 'UNAVAIL';
    writeZfs(layout, z);
    out.log(`Disk ${disk} of pool ${poolName} is now UNAVAIL`);
    return out.result(0);
  });
}
