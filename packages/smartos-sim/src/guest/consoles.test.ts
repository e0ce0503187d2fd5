// The guests of running kvm VMs: VNC (RFB handshake, pixels) and serial (login, a shell) on the
// zone's sockets, through the real executables. The built-in guest always; QEMU when the emulator
// and the guest image are there (in CI, where both are installed, their absence fails the test).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { serialSession, viewScreen } from '../../test/consoleClients.js';
import { cleanupRoots, freshRoot, run } from '../../test/simHarness.js';
import { findGuestImage, findOnPath, QEMU_BINARY } from './guestKind.js';
import { isAlive, isGuestProcess } from './guestProcess.js';

const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
const OCS = '4cda7281-45e1-4485-8648-848f7211c938';
const FAST = { SMARTOS_SIM_SPEED: '100' };

const started: { root: string; uuid: string }[] = [];
afterAll(async () => {
  // never leave a guest behind: stop every VM a test gave one
  for (const { root, uuid } of started) await run(root, ['vmadm', 'stop', '-F', uuid], FAST);
  await cleanupRoots();
});

async function vmPid(root: string, uuid: string): Promise<unknown> {
  const r = await run(root, ['vmadm', 'get', uuid]);
  return (JSON.parse(r.stdout) as { pid?: unknown }).pid;
}

function zoneTmp(root: string, uuid: string): string {
  return join(root, 'zones', uuid, 'root', 'tmp');
}

describe('built-in guest', () => {
  it('smartos-sim boot gives running kvm VMs a guest, once (idempotent)', async () => {
    const root = await freshRoot();
    started.push({ root, uuid: ELK }, { root, uuid: OCS });
    const env = { SMARTOS_SIM_GUEST: 'builtin' };
    const first = await run(root, ['smartos-sim', 'boot'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 guests started');
    for (const uuid of [ELK, OCS]) {
      expect(isGuestProcess(await vmPid(root, uuid), join(root, 'zones', uuid))).toBe(true);
      for (const sock of ['vm.vnc', 'vm.console', 'vm.ttyb'])
        expect(existsSync(join(zoneTmp(root, uuid), sock))).toBe(true);
    }
    const pidBefore = await vmPid(root, ELK);
    const again = await run(root, ['smartos-sim', 'boot'], env);
    expect(again).toMatchObject({ code: 0, stdout: '0 guests started\n' });
    expect(await vmPid(root, ELK)).toBe(pidBefore);
  });

  it('smartos-sim boot stops at the host guest limit and says which VMs run without one', async () => {
    const root = await freshRoot();
    started.push({ root, uuid: ELK }, { root, uuid: OCS });
    const env = { SMARTOS_SIM_GUEST: 'builtin', SMARTOS_SIM_MAX_GUESTS: '1' };
    const r = await run(root, ['smartos-sim', 'boot'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 guest started');
    const live = [];
    for (const uuid of [ELK, OCS]) {
      if (isGuestProcess(await vmPid(root, uuid), join(root, 'zones', uuid))) live.push(uuid);
    }
    expect(live).toHaveLength(1);
    const without = live[0] === ELK ? OCS : ELK;
    expect(readFileSync(join(zoneTmp(root, without), 'vm.log'), 'utf8')).toContain(
      'no guest started: 1 guests already run on this host (SMARTOS_SIM_MAX_GUESTS=1)',
    );
  });

  it('vmadm start: VNC shows a framebuffer, the serial console logs in to a shell; stop kills the guest', async () => {
    const root = await freshRoot();
    started.push({ root, uuid: ELK });
    const env = { ...FAST, SMARTOS_SIM_GUEST: 'builtin' };
    await run(root, ['vmadm', 'stop', ELK], env);
    expect((await run(root, ['vmadm', 'start', ELK], env)).code).toBe(0);
    const tmp = zoneTmp(root, ELK);
    expect(await run(root, ['vmadm', 'info', ELK, 'vnc'])).toMatchObject({ code: 0 });

    const screen = await viewScreen(join(tmp, 'vm.vnc'));
    expect(screen).toMatchObject({ version: 'RFB 003.008\n', width: 640, height: 400, name: 'elk' });
    expect(screen.litPixels).toBeGreaterThan(500);

    const text = await serialSession(
      join(tmp, 'vm.console'),
      'root',
      'echo hi-$((6*7)); hostname',
      /hi-42\r?\n.*elk/s,
      10_000,
    );
    expect(text).toContain('hi-42');

    const pid = await vmPid(root, ELK);
    expect(typeof pid).toBe('number');
    expect((await run(root, ['vmadm', 'stop', ELK], env)).code).toBe(0);
    expect(isAlive(pid as number)).toBe(false);
    for (const sock of ['vm.vnc', 'vm.console', 'vm.ttyb']) expect(existsSync(join(tmp, sock))).toBe(false);
    expect(existsSync(join(tmp, 'vm.log'))).toBe(true);
  });
});

const qemuReady =
  findOnPath(QEMU_BINARY, process.env) !== undefined && findGuestImage(process.env) !== undefined;

describe.runIf(qemuReady || process.env.CI === 'true')('QEMU guest', () => {
  it('is installed in CI (qemu-system-x86 and scripts/build-guest-image.sh)', () => {
    expect(qemuReady, `${QEMU_BINARY} on PATH and the guest image (scripts/build-guest-image.sh)`).toBe(true);
  });

  it.runIf(qemuReady)(
    'vmadm start boots the Linux guest: RFB pixels, serial login, hi-42; stop ends QEMU',
    async () => {
      const root = await freshRoot();
      started.push({ root, uuid: ELK });
      const env = { ...FAST, SMARTOS_SIM_GUEST: 'qemu' };
      await run(root, ['vmadm', 'stop', ELK], env);
      expect((await run(root, ['vmadm', 'start', ELK], env)).code).toBe(0);
      const pid = await vmPid(root, ELK);
      expect(isGuestProcess(pid, join(root, 'zones', ELK))).toBe(true);
      const tmp = zoneTmp(root, ELK);
      const text = await serialSession(join(tmp, 'vm.console'), 'root', 'echo hi-$((6*7))', /hi-42/, 90_000);
      expect(text).toContain('hi-42');
      const screen = await viewScreen(join(tmp, 'vm.vnc'));
      expect(screen.version).toBe('RFB 003.008\n');
      expect(screen.width).toBeGreaterThan(0);
      expect(screen.litPixels).toBeGreaterThan(0);
      expect((await run(root, ['vmadm', 'stop', ELK], env)).code).toBe(0);
      expect(isAlive(pid as number)).toBe(false);
      expect(existsSync(join(tmp, 'vm.console'))).toBe(false);
    },
    150_000,
  );
});
