// The per-image import lock (imgadm.js _lockAcquire: /var/run/img.<uuid>.import.lock, here
// under the state directory). Held for a whole download + install, so it is not the state
// lock's short stale timeout that frees it: a lock whose holder process is gone is broken.
// Waiting longer than a second prints `Waiting for image <uuid> import lock` once, as imgadm.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { SimLayout } from '../../state/layout.js';

export function importLockPath(layout: SimLayout, uuid: string): string {
  return join(layout.root, 'var', 'run', `img.${uuid}.import.lock`);
}

function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o644);
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/** Takes the lock (waiting as long as a live process holds it); resolves to its release. */
export async function acquireImportLock(
  layout: SimLayout,
  uuid: string,
  onWaiting: () => void,
): Promise<() => void> {
  const path = importLockPath(layout, uuid);
  mkdirSync(dirname(path), { recursive: true });
  const started = Date.now();
  let told = false;
  while (!tryCreate(path)) {
    const pid = holder(path);
    if (pid !== undefined && !alive(pid)) {
      try {
        unlinkSync(path);
      } catch {
        // another waiter broke it first
      }
      continue;
    }
    if (!told && Date.now() - started >= 1000) {
      told = true;
      onWaiting();
    }
    await sleep(50 + Math.floor(Math.random() * 50));
  }
  return () => {
    if (holder(path) === process.pid) unlinkSync(path);
  };
}
