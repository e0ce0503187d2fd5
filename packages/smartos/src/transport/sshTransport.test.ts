/**
 * SshTransport against a real OpenSSH sshd on loopback, for what only SSH has: host keys,
 * the one shared connection, and the link failing (refused, silent, killed, replaced).
 * What both transports share is in hostDriver.contract.test.ts.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { initSim, startSshd, type TestSshd } from '@zonedeck/smartos-sim';

import { sshTransportTo } from '../../test/simHosts.js';
import { isSmartosError, type SmartosError } from '../errors.js';
import type { SshTransport } from './sshTransport.js';

const scratch = mkdtempSync(join(tmpdir(), 'zonedeck-ssh-'));
let sshd: TestSshd;
const opened: SshTransport[] = [];

beforeAll(async () => {
  const root = join(scratch, 'sim');
  await initSim({ root, profile: 'office' });
  sshd = await startSshd({ simRoot: root });
}, 60_000);
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
  await sshd.stop();
  await rm(scratch, { recursive: true, force: true });
});

/** A transport to the test sshd (pinned to its key unless overridden), closed after the file. */
function transport(overrides: Parameters<typeof sshTransportTo>[1] = {}): SshTransport {
  const t = sshTransportTo(sshd, overrides);
  opened.push(t);
  return t;
}

async function rejection(promise: Promise<unknown>): Promise<SmartosError> {
  try {
    await promise;
  } catch (err) {
    if (isSmartosError(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

let markerCount = 0;
/** A command that leaves a file behind, to prove whether anything ran. */
function touchCommand(): { argv: string[]; ran: () => boolean } {
  const path = join(scratch, `ran-${++markerCount}`);
  return { argv: ['touch', path], ran: () => existsSync(path) };
}

const echo = (t: SshTransport, text = 'ok') => t.exec({ argv: ['echo', text], timeoutMs: 10_000 });

describe('host keys', () => {
  it('runs on a host whose key matches the pinned fingerprint, and exposes it', async () => {
    const t = transport();
    expect(t.hostKeyFingerprint).toBeUndefined();
    expect((await echo(t)).stdout).toBe('ok\n');
    expect(t.hostKeyFingerprint).toBe(sshd.hostKeyFingerprint);
  });

  it('trusts an unknown key on first use after confirmation, then pins it', async () => {
    const asked: string[] = [];
    const t = transport({
      knownHostKey: undefined,
      onUnknownHostKey: async (fingerprint) => {
        asked.push(fingerprint);
        await new Promise((r) => setTimeout(r, 20));
        return true;
      },
    });
    await Promise.all([echo(t), echo(t)]);
    expect(asked).toEqual([sshd.hostKeyFingerprint]);
    expect(t.hostKeyFingerprint).toBe(sshd.hostKeyFingerprint);
  });

  it('runs nothing when the unknown key is refused, or nobody is asked', async () => {
    for (const onUnknownHostKey of [
      () => false,
      () => Promise.reject(new Error('dialog closed')),
      undefined,
    ]) {
      const t = transport({ knownHostKey: undefined, onUnknownHostKey });
      const cmd = touchCommand();
      const err = await rejection(t.exec({ argv: cmd.argv }));
      expect(err).toMatchObject({ code: 'HostKeyMismatch', argv: cmd.argv });
      expect(err.message).toContain(sshd.hostKeyFingerprint);
      expect(cmd.ran()).toBe(false);
    }
  });
});

describe('one connection', () => {
  it('carries concurrent commands on one TCP connection', async () => {
    const t = transport();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.exec({ argv: ['sh', '-c', 'echo "$SSH_CLIENT"'], timeoutMs: 10_000 }),
      ),
    );
    const clients = new Set(results.map((r) => r.stdout.trim()));
    expect(clients.size).toBe(1);
  });

  it('rejects everything with Aborted once closed', async () => {
    const t = transport();
    const running = rejection(t.exec({ argv: ['sleep', '30'], timeoutMs: 10_000 }));
    await new Promise((r) => setTimeout(r, 300));
    await t.close();
    expect((await running).code).toBe('Aborted');
    expect((await rejection(echo(t))).code).toBe('Aborted');
  });
});

describe('a failing link', () => {
  beforeEach(async () => {
    if (!(await reachable())) await sshd.restart();
  });

  it('reports a closed port as HostUnreachable', async () => {
    const port = await closedPort();
    const t = transport({ port });
    const err = await rejection(echo(t));
    expect(err).toMatchObject({ code: 'HostUnreachable', argv: ['echo', 'ok'] });
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it('reports a host that accepts but never speaks SSH as HostUnreachable after connectTimeoutMs', async () => {
    const silent = await listen(createServer(() => undefined));
    try {
      const address = silent.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const started = Date.now();
      const err = await rejection(echo(transport({ port, connectTimeoutMs: 300 })));
      expect(err.code).toBe('HostUnreachable');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.close();
    }
  });

  it('reports a key the host does not accept as HostUnreachable, naming authentication', async () => {
    const other = mkdtempSync(join(scratch, 'key-'));
    const { execFileSync } = await import('node:child_process');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(other, 'k')]);
    const err = await rejection(echo(transport({ privateKey: undefined, privateKeyPath: join(other, 'k') })));
    expect(err.code).toBe('HostUnreachable');
    expect(err.message).toMatch(/did not accept the key/);
  });

  it('fails a command with HostUnreachable when sshd dies under it, and reconnects once it is back', async () => {
    const t = transport();
    await echo(t);
    const running = rejection(t.exec({ argv: ['sleep', '30'], timeoutMs: 20_000 }));
    await new Promise((r) => setTimeout(r, 300));
    await sshd.kill();
    const err = await running;
    expect(err).toMatchObject({ code: 'HostUnreachable', argv: ['sleep', '30'] });
    expect(err.message).toMatch(/dropped/);
    // still down: the next call tries again and says so
    expect((await rejection(echo(t))).code).toBe('HostUnreachable');
    await sshd.restart();
    expect((await echo(t, 'back')).stdout).toBe('back\n');
  });

  it('ends a terminal with HostUnreachable when the link drops', async () => {
    const t = transport();
    const pty = await t.spawnPty({ argv: ['sleep', '30'], cols: 80, rows: 24 });
    const exit = new Promise<Parameters<Parameters<typeof pty.onExit>[0]>[0]>((resolve) =>
      pty.onExit(resolve),
    );
    await sshd.kill();
    const ended = await exit;
    expect(ended.exitCode).toBeNull();
    expect(ended.error?.code).toBe('HostUnreachable');
  });

  it('notices a host that stops answering through keepalives', async () => {
    const t = transport({ keepaliveIntervalMs: 200 });
    await echo(t);
    const running = rejection(t.exec({ argv: ['sleep', '30'], timeoutMs: 20_000 }));
    await new Promise((r) => setTimeout(r, 200));
    sshd.freeze();
    try {
      const started = Date.now();
      const err = await running;
      expect(err.code).toBe('HostUnreachable');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      sshd.thaw();
    }
  });

  it('refuses a host whose key changed, naming both keys, and runs nothing', async () => {
    const t = transport();
    await echo(t);
    const pinned = sshd.hostKeyFingerprint;
    await sshd.restartWithNewHostKey();
    const cmd = touchCommand();
    const err = await rejection(t.exec({ argv: cmd.argv }));
    expect(err).toMatchObject({ code: 'HostKeyMismatch', argv: cmd.argv });
    expect(err.message).toContain(pinned);
    expect(err.message).toContain(sshd.hostKeyFingerprint);
    expect(t.hostKeyFingerprint).toBe(sshd.hostKeyFingerprint);
    expect(cmd.ran()).toBe(false);
  });
});

async function reachable(): Promise<boolean> {
  const t = sshTransportTo(sshd, { connectTimeoutMs: 2_000 });
  try {
    await echo(t);
    return true;
  } catch {
    return false;
  } finally {
    await t.close();
  }
}

function listen(server: Server): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = await listen(createServer());
  const address = server.address();
  await new Promise((r) => server.close(r));
  return typeof address === 'object' && address !== null ? address.port : 0;
}
