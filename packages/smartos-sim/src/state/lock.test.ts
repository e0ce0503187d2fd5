import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { LockTimeoutError, withLock } from './lock.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'smartos-sim-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('withLock', () => {
  it('serialises read-modify-write cycles: no increment is lost', async () => {
    const lock = join(dir, '.lock');
    const counter = join(dir, 'counter');
    writeFileSync(counter, '0');
    await Promise.all(
      Array.from({ length: 40 }, () =>
        withLock(lock, async () => {
          const n = Number(readFileSync(counter, 'utf8'));
          await sleep(1);
          writeFileSync(counter, String(n + 1));
        }),
      ),
    );
    expect(readFileSync(counter, 'utf8')).toBe('40');
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the work throws', async () => {
    const lock = join(dir, '.lock');
    await expect(withLock(lock, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });

  it('breaks a stale lock left by a dead process', async () => {
    const lock = join(dir, '.lock');
    writeFileSync(lock, '999999\n');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await expect(withLock(lock, () => 'done', { staleMs: 10_000, timeoutMs: 2_000 })).resolves.toBe('done');
  });

  it('times out behind a live lock', async () => {
    const lock = join(dir, '.lock');
    writeFileSync(lock, `${process.pid}\n`);
    await expect(withLock(lock, () => 'never', { timeoutMs: 100, staleMs: 60_000 })).rejects.toBeInstanceOf(
      LockTimeoutError,
    );
  });
});
