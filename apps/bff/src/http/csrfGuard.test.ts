import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mutationHeaders, startTestApp } from '../testing/testApp.js';
import { CSRF_HEADER } from './csrfGuard.js';

// The real BFF: each refused request must also leave the simulated host unchanged.
let t: Awaited<ReturnType<typeof startTestApp>>;
let cookie: string;
const samba = { hostId: 'sim', uuid: '153831fc-2af9-44c8-9ba5-fad507337cc2' };

beforeAll(async () => {
  t = await startTestApp();
  const res = await fetch(`${t.url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: mutationHeaders(t.url),
    body: JSON.stringify({ username: 'admin', password: t.password }),
  });
  expect(res.status).toBe(200);
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(async () => {
  await t.stop();
});

const query = (proc: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie, ...headers },
  });

async function sambaState(): Promise<string> {
  const res = await query('vm.get', samba);
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { data: { state: string } } }).result.data.state;
}

async function jobCount(): Promise<number> {
  const res = await query('job.list', { limit: 50 });
  return ((await res.json()) as { result: { data: unknown[] } }).result.data.length;
}

/** POSTs vm.stop for samba with `headers` and checks it was refused and nothing ran. */
async function expectStopRefused(headers: Record<string, string>, body = JSON.stringify(samba)) {
  const jobsBefore = await jobCount();
  const res = await fetch(`${t.url}/api/trpc/vm.stop`, { method: 'POST', headers, body });
  expect(res.status).toBe(403);
  expect(await jobCount()).toBe(jobsBefore);
  expect(await sambaState()).toBe('running');
  return (await res.text()).trim();
}

describe('tRPC mutations', () => {
  it('refuses a text/plain form POST (what an HTML form on any site can send)', async () => {
    // The body a <form enctype="text/plain"> builds to look like JSON, with the cookie attached.
    const reason = await expectStopRefused(
      { cookie, 'content-type': 'text/plain', origin: 'http://evil.example' },
      `${JSON.stringify(samba).slice(0, -1)}, "x=":"}"}`,
    );
    expect(reason).toContain('application/json');
    // Even from our own origin, a form post is not a mutation.
    await expectStopRefused({ cookie, 'content-type': 'text/plain', origin: t.url });
    await expectStopRefused({ cookie, 'content-type': 'application/x-www-form-urlencoded', origin: t.url });
  });

  it('refuses a cross-site JSON POST even with the custom header', async () => {
    const reason = await expectStopRefused({ ...mutationHeaders('http://evil.example', cookie) });
    expect(reason).toBe('cross-origin request');
  });

  it('refuses a POST without the custom header', async () => {
    const headers = mutationHeaders(t.url, cookie);
    delete headers[CSRF_HEADER];
    expect(await expectStopRefused(headers)).toContain(CSRF_HEADER);
  });

  it('without Origin, takes only Sec-Fetch-Site: same-origin as proof', async () => {
    const headers = mutationHeaders(t.url, cookie);
    delete headers.origin;
    await expectStopRefused(headers);
    await expectStopRefused({ ...headers, 'sec-fetch-site': 'cross-site' });
    await expectStopRefused({ ...headers, 'sec-fetch-site': 'same-site' });
    const res = await fetch(`${t.url}/api/trpc/vm.get`, {
      method: 'POST',
      headers: { ...headers, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify(samba),
    });
    // Passed the guard: tRPC itself answers (a query is not callable by POST).
    expect(res.status).toBe(405);
  });

  it('never runs a mutation from a GET', async () => {
    const jobsBefore = await jobCount();
    const res = await query('vm.stop', samba, { origin: t.url, [CSRF_HEADER]: '1' });
    expect(res.status).toBe(405);
    expect(await jobCount()).toBe(jobsBefore);
    expect(await sambaState()).toBe('running');
  });

  it('refuses a cross-site login and sets no cookie', async () => {
    const res = await fetch(`${t.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: mutationHeaders('http://evil.example'),
      body: JSON.stringify({ username: 'admin', password: t.password }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    const form = await fetch(`${t.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: t.url },
      body: JSON.stringify({ username: 'admin', password: t.password }),
    });
    expect(form.status).toBe(403);
    expect(form.headers.get('set-cookie')).toBeNull();
  });
});

describe('tRPC queries and subscriptions (GET)', () => {
  it('answers same-origin and header-less reads', async () => {
    expect((await query('host.list', undefined)).status).toBe(200);
    expect((await query('host.list', undefined, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await query('host.list', undefined, { origin: t.url })).status).toBe(200);
  });

  it('refuses a read another site asked for', async () => {
    expect((await query('host.list', undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await query('host.list', undefined, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses a cross-site event stream but serves a same-origin one', async () => {
    const url = `${t.url}/api/trpc/job.onEvent`;
    const evil = await fetch(url, {
      headers: {
        cookie,
        accept: 'text/event-stream',
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(evil.status).toBe(403);
    const ours = await fetch(url, {
      headers: { cookie, accept: 'text/event-stream', 'sec-fetch-site': 'same-origin' },
    });
    expect(ours.status).toBe(200);
    expect(ours.headers.get('content-type')).toContain('text/event-stream');
    await ours.body?.cancel();
  });
});
