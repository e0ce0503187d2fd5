import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createConsoleRelay } from './consoleRelay.js';
import { consoleTestApp, openConsole, processAlive, type ConsoleTestClient } from './consoleTestClient.js';
import { ConsoleTickets } from './consoleTickets.js';

// The real relay with a short ping interval, on the test BFF's simulated host, real tickets.
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';
// Long enough that a loaded test machine still answers every ping in time.
const PING_MS = 1_000;
const user = { id: 'u1', username: 'admin', role: 'admin' as const };
const session = { sessionId: 's1', user, expiresAt: new Date(Date.now() + 3_600_000) };

const t = consoleTestApp();
let relay: ReturnType<typeof createConsoleRelay>;
let server: http.Server;
let url: string;
const tickets = new ConsoleTickets();

beforeAll(async () => {
  relay = createConsoleRelay({
    sessionOf: () => session,
    tickets,
    hosts: t.app.hosts,
    audit: t.app.audit,
    pingIntervalMs: PING_MS,
  });
  server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => relay.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  relay.close();
  await new Promise((resolve) => server.close(resolve));
});

/** A zone shell through the relay, and the pids of its shell and of the zlogin above it. */
async function openShell(): Promise<{ c: ConsoleTestClient; pids: number[] }> {
  const ticket = tickets.issue({
    sessionId: 's1',
    user,
    hostId: 'sim',
    uuid: DHCP,
    alias: 'DHCP',
    kind: 'shell',
  });
  const c = await openConsole(url, `/api/console?ticket=${ticket}`, { origin: url });
  await c.message('ready');
  await c.expectOutput(/# *$/, 30_000);
  c.type('echo pids $$ $PPID\r');
  const [, shell, parent] = await c.expectOutput(/\r\npids (\d+) (\d+)\r\n/, 30_000);
  const pids = [Number(shell), Number(parent)];
  expect(pids.every(processAlive)).toBe(true);
  return { c, pids };
}

describe('console liveness', { timeout: 90_000 }, () => {
  it('keeps a client that answers pings, for many ping intervals', async () => {
    const { c, pids } = await openShell();
    await new Promise((r) => setTimeout(r, PING_MS * 5));
    expect(c.closed).toBeNull();
    expect(relay.connections).toBe(1);
    c.type('echo still-$((40+2))\r');
    await c.expectOutput(/still-42/, 30_000);
    await c.close();
    await c.until('zlogin to end', () => !pids.some(processAlive), 5_000);
  });

  it('terminates a half-open client within two ping intervals and ends its zlogin', async () => {
    const { c, pids } = await openShell();
    // The client stops reading: it no longer sees pings, so it answers none (a dead link).
    c.ws.pause();
    const silentSince = Date.now();
    await c.until('the relay to drop the client', () => relay.connections === 0, PING_MS * 10);
    const detectedAfter = Date.now() - silentSince;
    // One interval to the next ping, one more for its answer; timers under load run a bit late.
    expect(detectedAfter).toBeLessThan(PING_MS * 2 + 1_000);
    await c.until('zlogin to end', () => !pids.some(processAlive), 5_000);
  });
});
