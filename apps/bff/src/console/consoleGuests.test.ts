import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { consoleTestApp, createTicket, openConsole, type ConsoleTestClient } from './consoleTestClient.js';

// Serial consoles of the simulator's guests through the real relay: a kvm guest that reboots,
// and a bhyve guest, whose serial port is the zone console (`zlogin -C`) on a PTY.
const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
const UBUNTU_ZVOL = 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a';

const t = consoleTestApp();

/** Output waits: a loaded machine runs the guests' logins slowly. */
const SLOW = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openSerial(uuid: string): Promise<ConsoleTestClient> {
  const c = await openConsole(t.url, await t.ticketPath('serial', uuid), t.sameOrigin());
  await c.until('ready', () => c.messages.find((m) => m.type === 'ready'), SLOW);
  return c;
}

async function logIn(c: ConsoleTestClient): Promise<void> {
  c.type('\r');
  await c.expectOutput(/login: *$/, SLOW);
  c.type('root\r');
  await c.expectOutput(/[Pp]assword: *$/, SLOW);
  c.type('root\r');
  await c.expectOutput(/# *$/, SLOW);
}

/** Pids of running `zlogin -C <uuid>` processes. */
function zoneConsolePids(uuid: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.some((a) => a.endsWith('zlogin')) && argv.includes('-C') && argv.includes(uuid))
        pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

describe('a guest reboot', () => {
  it('closes the serial console as "the guest stopped"; a fresh ticket reaches the new guest', async () => {
    const driver = t.app.hosts.driver('sim');
    const before = (await driver.getVm(ELK)).pid;
    const c = await openSerial(ELK);
    c.type('\r');
    await c.expectOutput(/login: *$/, SLOW);

    const reboot = driver.rebootVm(ELK);
    await c.until('the console to close', () => c.closed, 30_000);
    expect(c.closed).toEqual({ code: 1000, reason: 'the guest stopped' });
    expect(c.messages.at(-1)).toEqual({ type: 'closed', reason: 'the guest stopped', code: 1000 });

    // What the browser does: a fresh ticket per try until the relay opens the new guest's socket.
    const seen: string[] = [];
    let again: ConsoleTestClient | null = null;
    for (let attempt = 0; attempt < 60 && !again; attempt++) {
      const r = await createTicket(t.url, t.admin, { hostId: 'sim', uuid: ELK, kind: 'serial' });
      if (r.message !== null) {
        expect(r.code).toBe('PRECONDITION_FAILED');
        seen.push(r.message);
      } else {
        const c2 = await openConsole(t.url, r.path, t.sameOrigin());
        await c2.until(
          'ready or closed',
          () => c2.closed ?? c2.messages.find((m) => m.type === 'ready'),
          SLOW,
        );
        if (c2.closed) seen.push(c2.closed.reason);
        else again = c2;
      }
      if (!again) await sleep(250);
    }
    await reboot;
    if (!again) throw new Error(`the console did not come back: ${seen.join('; ')}`);
    // Never "stopped" on the way: a reboot is not a stop (the web app stops retrying on that).
    expect(seen.filter((s) => / is stopped$/.test(s))).toEqual([]);
    expect((await driver.getVm(ELK)).pid).not.toBe(before);
    await logIn(again);
    again.type('echo back-$((40+2))\r');
    await again.expectOutput(/back-42/, SLOW);
    await again.close();
  }, 120_000);
});

describe('bhyve serial', () => {
  it('is the zone console (zlogin -C) on a PTY: log in, run a command; closing ends zlogin -C', async () => {
    const driver = t.app.hosts.driver('sim');
    const created = await driver.transport.exec({
      argv: ['vmadm', 'create'],
      stdin: JSON.stringify({
        brand: 'bhyve',
        alias: 'bee',
        ram: 1024,
        disks: [{ image_uuid: UBUNTU_ZVOL, boot: true, model: 'virtio' }],
      }),
    });
    expect(created.exitCode, created.stderr).toBe(0);
    const uuid = /Successfully created VM ([0-9a-f-]{36})/.exec(created.stderr + created.stdout)?.[1];
    if (!uuid) throw new Error(`no uuid in: ${created.stderr}`);
    const endpoints = await driver.consoleEndpoints(uuid);
    expect(endpoints).toMatchObject({ brand: 'bhyve', serial: null });

    expect(zoneConsolePids(uuid)).toEqual([]);
    const c = await openSerial(uuid);
    // The PTY's child shows as `zlogin -C` once it has exec'd, which can trail "ready" under load.
    await c.until('zlogin -C to start', () => zoneConsolePids(uuid).length > 0, SLOW);
    expect(zoneConsolePids(uuid)).toHaveLength(1);
    await logIn(c);
    c.type('echo bee-$((6*7)); hostname\r');
    await c.expectOutput(/bee-42\r?\n/, SLOW);
    // UTF-8 both ways through zlogin -C: typed é reaches the guest as c3 a9, ü comes back as ü.
    c.type('echo é | od -An -tx1; echo ü\r');
    await c.expectOutput(/\r?\n *c3 a9 0a\r?\nü\r?\n/, SLOW);
    // A serial line carries no window size: the guest keeps its own (a resize only reaches zlogin's PTY).

    await c.close();
    await c.until('zlogin -C to end', () => zoneConsolePids(uuid).length === 0, SLOW);
    const audit = t.app.audit.list({ limit: 50, target: uuid });
    expect(audit.find((a) => a.action === 'console.serial')).toMatchObject({ result: 'ok' });
    await driver.transport.exec({ argv: ['vmadm', 'delete', uuid] });
  }, 120_000);
});
