import { describe, expect, it } from 'vitest';

import { CONSOLE_ACK_WINDOW } from '@zonedeck/api/schemas';

import { consoleTestApp, createTicket, login, openConsole, processAlive } from './consoleTestClient.js';

// The real relay on a real BFF, with the simulated host's built-in guests (vitest.config.ts).
const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';

const t = consoleTestApp();

describe('console tickets', () => {
  it('refuses a ticket used twice', async () => {
    const path = await t.ticketPath('shell', DHCP);
    const first = await openConsole(t.url, path, t.sameOrigin());
    await first.message('ready');
    await expect(openConsole(t.url, path, t.sameOrigin())).rejects.toThrow('HTTP 403');
    await first.close();
  });

  it("refuses another session's ticket, and burns it", async () => {
    const path = await t.ticketPath('shell', DHCP);
    const other = await login(t.url, 'admin', t.password);
    await expect(openConsole(t.url, path, t.sameOrigin(other))).rejects.toThrow('HTTP 403');
    await expect(openConsole(t.url, path, t.sameOrigin())).rejects.toThrow('HTTP 403');
  });

  it('refuses a wrong or missing Origin before looking at the ticket', async () => {
    const path = await t.ticketPath('shell', DHCP);
    await expect(
      openConsole(t.url, path, { cookie: t.admin, origin: 'http://evil.example' }),
    ).rejects.toThrow('HTTP 403');
    await expect(openConsole(t.url, path, { cookie: t.admin })).rejects.toThrow('HTTP 403');
    // The ticket was not consumed by the refused attempts.
    const c = await openConsole(t.url, path, t.sameOrigin());
    await c.message('ready');
    await c.close();
  });

  it('refuses a missing ticket and a missing session', async () => {
    await expect(openConsole(t.url, '/api/console', t.sameOrigin())).rejects.toThrow('HTTP 403');
    const path = await t.ticketPath('shell', DHCP);
    await expect(openConsole(t.url, path, { origin: t.url })).rejects.toThrow('HTTP 401');
  });

  it('gives a viewer no ticket', async () => {
    await t.app.users.create('vera', 'vera-password-123', 'viewer');
    const vera = await login(t.url, 'vera', 'vera-password-123');
    const r = await createTicket(t.url, vera, { hostId: 'sim', uuid: DHCP, kind: 'shell' });
    expect(r).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('refuses a kind the VM has not', async () => {
    const shell = await createTicket(t.url, t.admin, { hostId: 'sim', uuid: ELK, kind: 'shell' });
    expect(shell).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(shell.message).toContain('elk is a kvm VM');
    const vnc = await createTicket(t.url, t.admin, { hostId: 'sim', uuid: DHCP, kind: 'vnc' });
    expect(vnc).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });
});

describe('VNC', () => {
  it('speaks RFB over subprotocol binary', async () => {
    const c = await openConsole(t.url, await t.ticketPath('vnc', ELK), t.sameOrigin(), ['binary']);
    expect(c.ws.protocol).toBe('binary');
    expect(await c.message('ready')).toEqual({ type: 'ready', kind: 'vnc', vm: { uuid: ELK, alias: 'elk' } });
    await c.until('RFB version', () => c.received >= 12);
    expect(c.bytes.subarray(0, 12).toString('latin1')).toBe('RFB 003.008\n');
    await c.close();
    const audit = t.app.audit.list({ limit: 50, target: ELK });
    expect(audit.find((a) => a.action === 'console.vnc')).toMatchObject({ username: 'admin', result: 'ok' });
  });
});

describe('serial', () => {
  it('logs in on the kvm guest and runs a command', async () => {
    const c = await openConsole(t.url, await t.ticketPath('serial', ELK), t.sameOrigin());
    await c.message('ready');
    c.type('\r');
    await c.expectOutput(/login: *$/);
    c.type('root\r');
    await c.expectOutput(/[Pp]assword: *$/);
    c.type('root\r');
    await c.expectOutput(/# *$/);
    c.type('echo hi-$((6*7))\r');
    await c.expectOutput(/\r?\nhi-42\r?\n/);
    // UTF-8 both ways: typed é reaches the guest's shell as c3 a9, and its output comes back so.
    c.type('echo é | od -An -tx1; echo ü\r');
    await c.expectOutput(/\r?\n *c3 a9 0a\r?\nü\r?\n/);
    await c.close();
  });
});

describe('shell', () => {
  it("prints the zone's hostname, resizes, and closing the socket ends zlogin", async () => {
    const hostname = String((await t.app.hosts.driver('sim').getVm(DHCP)).hostname);
    const c = await openConsole(t.url, await t.ticketPath('shell', DHCP), t.sameOrigin());
    await c.message('ready');
    await c.expectOutput(/# *$/);
    c.type('hostname\r');
    expect((await c.expectOutput(/\r\n(\S+)\r\n/))[1]).toBe(hostname);

    c.control({ type: 'resize', cols: 101, rows: 33 });
    c.type('stty size\r');
    await c.expectOutput(/\r\n33 101\r\n/);

    c.type('echo pids $$ $PPID\r');
    const [, shellPid, parentPid] = await c.expectOutput(/\r\npids (\d+) (\d+)\r\n/);
    const pids = [Number(shellPid), Number(parentPid)];
    expect(pids.every(processAlive)).toBe(true);
    await c.close();
    await c.until('zlogin to end', () => !pids.some(processAlive), 5_000);
  });

  it("passes the terminal's bytes through as they are, UTF-8 or not", async () => {
    const c = await openConsole(t.url, await t.ticketPath('shell', DHCP), t.sameOrigin());
    await c.message('ready');
    await c.expectOutput(/# *$/);
    // Decoded to text on the way, \377\376 would arrive as two U+FFFD (ef bf bd each).
    c.type("printf '<\\377\\376\\342\\202\\254>\\n'\r");
    const marked = Buffer.from([0x3c, 0xff, 0xfe, 0xe2, 0x82, 0xac, 0x3e, 0x0d, 0x0a]);
    await c.until('the raw bytes', () => c.bytes.includes(marked));
    await c.close();
  });

  it('tells who else has the console open', async () => {
    const a = await openConsole(t.url, await t.ticketPath('shell', DHCP), t.sameOrigin());
    await a.message('ready');
    const b = await openConsole(t.url, await t.ticketPath('shell', DHCP), t.sameOrigin());
    await b.until('viewers', () =>
      b.messages.some((m) => m.type === 'viewers' && m.users.length === 1 && m.users[0] === 'admin'),
    );
    await a.until('viewers', () => a.messages.some((m) => m.type === 'viewers' && m.users.length === 1));
    await b.close();
    await a.until('viewers after close', () => {
      const last = a.messages.filter((m) => m.type === 'viewers').at(-1);
      return last?.type === 'viewers' && last.users.length === 0;
    });
    await a.close();
  });

  it('stops reading a flood at the window until the client acks', async () => {
    const c = await openConsole(t.url, await t.ticketPath('shell', DHCP), t.sameOrigin());
    await c.message('ready');
    await c.expectOutput(/# *$/);
    c.type('yes | head -c 50000000\r');
    const window = CONSOLE_ACK_WINDOW;
    await c.until('the window to fill', () => c.received >= window);
    await new Promise((r) => setTimeout(r, 1_500));
    const stalled = c.received;
    // Near the window: what was in flight when the relay paused, no more.
    expect(stalled).toBeLessThan(window + 128 * 1024);
    await new Promise((r) => setTimeout(r, 500));
    expect(c.received).toBe(stalled);

    c.control({ type: 'ack', bytes: stalled });
    await c.until('more output after the ack', () => c.received >= stalled + window / 2, 5_000);
    await c.close();
  });
});
