import { closeSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** A lock file older than this (ms) is left over by a dead process and is broken. */
  staleMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(lockFile: string, timeoutMs: number) {
    super(`timed out after ${timeoutMs}ms waiting for lock ${lockFile}`);
    this.name = 'LockTimeoutError';
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_STALE_MS = 10_000;

function tryCreate(lockFile: string): boolean {
  try {
    const fd = openSync(lockFile, 'wx', 0o644);
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function breakIfStale(lockFile: string, staleMs: number): void {
  try {
    const age = Date.now() - statSync(lockFile).mtimeMs;
    if (age > staleMs) unlinkSync(lockFile);
  } catch {
    // vanished between our attempts: the next try will tell
  }
}

/**
 * Runs `fn` holding an exclusive lock: the lock file is created with O_EXCL, so across
 * processes only one holder exists; others retry with a small growing, jittered backoff.
 */
export async function withLock<T>(
  lockFile: string,
  fn: () => T | Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = opts.staleMs ?? DEFAULT_STALE_MS;
  const started = Date.now();
  let delay = 2;
  while (!tryCreate(lockFile)) {
    if (Date.now() - started > timeoutMs) throw new LockTimeoutError(lockFile, timeoutMs);
    breakIfStale(lockFile, staleMs);
    await sleep(delay + Math.floor(Math.random() * delay));
    delay = Math.min(delay * 2, 50);
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(lockFile);
    } catch {
      // broken as stale by another process: nothing left to release
    }
  }
}
