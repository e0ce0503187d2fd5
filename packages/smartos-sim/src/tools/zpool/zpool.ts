// The simulated `zpool` (illumos zpool(8)): list, get, status, iostat, scrub, online/offline
// against <root>/zfs.json; changes happen under the state lock.
import type { SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import { readZfs, writeZfs, type ZfsState } from '../../state/zfsStore.js';
import type { ToolResult } from '../toolResult.js';
import { zpoolGet } from './get.js';
import { zpoolIostat } from './iostat.js';
import { zpoolList } from './list.js';
import { zpoolOnline, zpoolScrub } from './scrub.js';
import { zpoolStatus } from './status.js';
import { zpoolMainUsage } from './usage.js';

export interface ZpoolDeps {
  layout: () => SimLayout;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

type Op = (z: ZfsState, args: readonly string[], nowMs: number, env: NodeJS.ProcessEnv) => ToolResult;

const READS: Readonly<Record<string, Op>> = {
  list: (z, a) => zpoolList(z, a),
  get: (z, a) => zpoolGet(z, a),
  status: zpoolStatus,
  iostat: (z, a) => zpoolIostat(z, a),
};

const WRITES: Readonly<Record<string, Op>> = {
  scrub: zpoolScrub,
  online: (z, a) => zpoolOnline(z, a, true),
  offline: (z, a) => zpoolOnline(z, a, false),
};

export async function zpool(argv: readonly string[], deps: ZpoolDeps): Promise<ToolResult> {
  const env = deps.env ?? process.env;
  const now = (deps.now ?? Date.now)();
  const [command, ...args] = argv;
  if (command === undefined) return zpoolMainUsage('missing command');
  const read = READS[command];
  if (read !== undefined) return read(readZfs(deps.layout()), args, now, env);
  const write = WRITES[command];
  if (write === undefined) return zpoolMainUsage(`unrecognized command '${command}'`);
  const layout = deps.layout();
  return withLock(layout.lockFile, () => {
    const z = readZfs(layout);
    const result = write(z, args, now, env);
    if (result.code === 0) writeZfs(layout, z);
    return result;
  });
}
