// The simulated `zfs` (illumos zfs(8)): list, get, and snapshot/rollback/destroy/clone/
// create/set against <root>/zfs.json. Reads need no lock (the file is replaced atomically);
// changes read-modify-write under the state lock and save only when they succeeded.
import type { SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import { readZfs, writeZfs, type ZfsState } from '../../state/zfsStore.js';
import type { ToolResult } from '../toolResult.js';
import { zfsGet } from './get.js';
import { zfsList } from './list.js';
import { zfsClone, zfsCreate, zfsDestroy, zfsRollback, zfsSet, zfsSnapshot } from './modify.js';
import { zfsMainUsage } from './usage.js';

type Op = (z: ZfsState, args: readonly string[]) => ToolResult;

const READS: Readonly<Record<string, Op>> = { list: zfsList, get: zfsGet };
const WRITES: Readonly<Record<string, Op>> = {
  snapshot: zfsSnapshot,
  snap: zfsSnapshot,
  rollback: zfsRollback,
  destroy: zfsDestroy,
  clone: zfsClone,
  create: zfsCreate,
  set: zfsSet,
};

export interface ZfsDeps {
  layout: () => SimLayout;
}

export async function zfs(argv: readonly string[], deps: ZfsDeps): Promise<ToolResult> {
  const [command, ...args] = argv;
  if (command === undefined) return zfsMainUsage();
  const read = READS[command];
  if (read !== undefined) return read(readZfs(deps.layout()), args);
  const write = WRITES[command];
  if (write === undefined) return zfsMainUsage(`unrecognized command '${command}'`);
  const layout = deps.layout();
  return withLock(layout.lockFile, () => {
    const z = readZfs(layout);
    const result = write(z, args);
    if (result.code === 0) writeZfs(layout, z);
    return result;
  });
}
