import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { ConsoleTestClient } from '../console/consoleTestClient.js';
import { mutationHeaders, startTestApp } from '../testing/testApp.js';

// ZONEDECK_TLS_CERT / ZONEDECK_TLS_KEY with a self-signed certificate made here by openssl.
/** A zone of the simulated host's office profile. */
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';
let dir: string;
let ca: Buffer;
let t: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zonedeck-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  ca = readFileSync(cert);
  t = await startTestApp({ ZONEDECK_TLS_CERT: cert, ZONEDECK_TLS_KEY: key });
});
afterAll(async () => {
  await t.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTPS request that trusts only the test's certificate. */
function request(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function login(): Promise<Reply> {
  return request(
    'POST',
    `${t.url}/api/trpc/auth.login`,
    mutationHeaders(t.url),
    JSON.stringify({
      username: 'admin',
      password: t.password,
    }),
  );
}

describe('TLS', () => {
  it('serves HTTPS on the port, with HSTS, and not plain HTTP', async () => {
    expect(t.url).toMatch(/^https:/);
    const res = await request('GET', `${t.url}/api/trpc/host.list`, {});
    expect(res.status).toBe(401);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const plain = await new Promise<number | string>((resolve) => {
      http
        .get(t.url.replace('https:', 'http:') + '/api/trpc/host.list', (r) => resolve(r.statusCode ?? 0))
        .on('error', (err) => resolve(err.message));
    });
    // Node's TLS server answers a plain-HTTP request with 400 or drops it; never with the API.
    expect(typeof plain === 'string' || plain === 400).toBe(true);
  });

  it('signs in with a __Host- prefixed Secure cookie that then works', async () => {
    const res = await login();
    expect(res.status).toBe(200);
    const setCookie = String(res.headers['set-cookie']?.[0] ?? '');
    expect(setCookie).toMatch(
      /^__Host-zonedeck_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure;/,
    );
    const cookie = setCookie.split(';')[0] ?? '';
    const hosts = await request('GET', `${t.url}/api/trpc/host.list`, { cookie });
    expect(hosts.status).toBe(200);
    // The plain-HTTP cookie name means nothing here.
    const plainName = await request('GET', `${t.url}/api/trpc/host.list`, {
      cookie: cookie.replace('__Host-', ''),
    });
    expect(plainName.status).toBe(401);
  });

  it('relays a console over wss on the same port, and refuses a cross-site one', async () => {
    const cookie = String((await login()).headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const wss = t.url.replace('https:', 'wss:');
    const evil = new WebSocket(`${wss}/api/console`, {
      ca,
      headers: { cookie, origin: 'https://evil.example' },
    });
    const refused = await new Promise<number>((resolve, reject) => {
      evil.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      evil.once('open', () => reject(new Error('cross-site wss upgrade was accepted')));
      evil.once('error', reject);
    });
    expect(refused).toBe(403);

    // createTicket uses fetch, which cannot trust a self-signed certificate: ask over https here.
    const ticket = await request(
      'POST',
      `${t.url}/api/trpc/console.createTicket`,
      mutationHeaders(t.url, cookie),
      JSON.stringify({ hostId: 'sim', uuid: DHCP, kind: 'shell' }),
    );
    expect(ticket.status).toBe(200);
    const socketPath = (JSON.parse(ticket.body) as { result: { data: { path: string } } }).result.data.path;
    const ws = new WebSocket(`${wss}${socketPath}`, { ca, headers: { cookie, origin: t.url } });
    const client = new ConsoleTestClient(ws);
    await client.message('ready');
    client.type('echo over-$((6*7))\r');
    await client.expectOutput(/over-42/);
    ws.close();
  });
});
