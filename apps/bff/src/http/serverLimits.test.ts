import net from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTicket, login, openConsole } from '../console/consoleTestClient.js';
import { startTestApp } from '../testing/testApp.js';
import { MAX_CONSOLE_MESSAGE_BYTES, type ServerLimits } from './serverLimits.js';

// Short limits so the test sees them act; production uses DEFAULT_SERVER_LIMITS.
const limits: ServerLimits = {
  headersTimeoutMs: 1_000,
  requestTimeoutMs: 2_000,
  keepAliveTimeoutMs: 1_000,
  checkIntervalMs: 250,
};
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';

let t: Awaited<ReturnType<typeof startTestApp>>;
let port: number;
beforeAll(async () => {
  t = await startTestApp({}, { limits });
  port = Number(new URL(t.url).port);
});
afterAll(async () => {
  await t.stop();
});

/** A raw connection: what the server wrote and when it closed (ms after connecting). */
function rawConnection() {
  const socket = net.connect(port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (c: string) => (received += c));
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
  socket.on('error', () => undefined);
  return { socket, closed, received: () => received };
}

describe('HTTP server limits', () => {
  it('answers 408 and closes a client that sends its headers too slowly', async () => {
    const c = rawConnection();
    c.socket.write('GET /api/trpc/host.list HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const trickle = setInterval(() => c.socket.write('X-Slow: 1\r\n'), 200);
    const after = await c.closed;
    clearInterval(trickle);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(after).toBeLessThan(limits.headersTimeoutMs + 5 * limits.checkIntervalMs + 2_000);
  });

  it('answers 408 to a request body that never finishes', async () => {
    const c = rawConnection();
    c.socket.write(
      `POST /api/trpc/auth.login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${t.url}\r\n` +
        'X-Zonedeck-Csrf: 1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"username":',
    );
    await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes an idle keep-alive connection', async () => {
    const c = rawConnection();
    c.socket.write('GET /api/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const after = await c.closed;
    expect(c.received()).toMatch(/^HTTP\/1\.1 404/);
    expect(after).toBeGreaterThanOrEqual(limits.keepAliveTimeoutMs - 100);
    expect(after).toBeLessThan(limits.keepAliveTimeoutMs + 5_000);
  });

  it('refuses request headers larger than 16 KiB with 431', async () => {
    const res = await fetch(`${t.url}/api/trpc/host.list`, { headers: { 'x-big': 'a'.repeat(20_000) } });
    expect(res.status).toBe(431);
  });
});

describe('console WebSocket limits', () => {
  it('keeps a console open past the request timeout, and closes it with 1009 on an oversize frame', async () => {
    const cookie = await login(t.url, 'admin', t.password);
    const ticket = await createTicket(t.url, cookie, { hostId: 'sim', uuid: DHCP, kind: 'shell' });
    const c = await openConsole(t.url, ticket.path, { origin: t.url, cookie });
    await c.message('ready');
    await new Promise((r) => setTimeout(r, limits.requestTimeoutMs + 1_000));
    c.type('echo still-$((40+2))\r');
    await c.expectOutput(/still-42/);

    c.ws.send(Buffer.alloc(MAX_CONSOLE_MESSAGE_BYTES + 1), { binary: true });
    await c.until('close', () => c.closed);
    expect(c.closed?.code).toBe(1009);
  });
});
