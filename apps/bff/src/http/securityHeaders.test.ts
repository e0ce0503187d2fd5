import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestApp } from '../testing/testApp.js';
import { contentSecurityPolicy } from './securityHeaders.js';

function directivesOf(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only by nonce and forbids framing, plugins and <base>', () => {
    const d = directivesOf(contentSecurityPolicy('abc', { tls: false, dev: false }));
    expect(d.get('script-src')).toBe("'nonce-abc' 'strict-dynamic'");
    expect(d.get('default-src')).toBe("'self'");
    expect(d.get('connect-src')).toBe("'self'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.has('upgrade-insecure-requests')).toBe(false);
  });

  it("adds 'unsafe-eval' only for next dev, and upgrade-insecure-requests over TLS", () => {
    expect(directivesOf(contentSecurityPolicy('n', { tls: false, dev: true })).get('script-src')).toContain(
      "'unsafe-eval'",
    );
    expect(
      directivesOf(contentSecurityPolicy('n', { tls: true, dev: false })).has('upgrade-insecure-requests'),
    ).toBe(true);
  });
});

describe('security headers on every response', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  const responses = () => [
    fetch(`${t.url}/api/trpc/host.list`), // 401
    fetch(`${t.url}/api/trpc/vm.stop`, { method: 'POST', headers: { 'content-type': 'text/plain' } }), // 403
    fetch(`${t.url}/api/nothing`), // 404
    fetch(`${t.url}/`), // the web app's place (absent here)
  ];

  it('sets CSP, nosniff, Referrer-Policy, X-Frame-Options, COOP and Permissions-Policy', async () => {
    for (const res of await Promise.all(responses())) {
      const h = res.headers;
      expect(h.get('content-security-policy'), res.url).toMatch(
        /script-src 'nonce-[A-Za-z0-9+/]{24}' 'strict-dynamic'/,
      );
      expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('no-referrer');
      expect(h.get('x-frame-options')).toBe('DENY');
      expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(h.get('permissions-policy')).toContain('camera=()');
      expect(h.get('strict-transport-security')).toBeNull();
      await res.body?.cancel();
    }
  });

  it('uses a fresh nonce for every response', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${t.url}/`);
      nonces.add(/'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? '');
    }
    expect(nonces.size).toBe(5);
  });
});
