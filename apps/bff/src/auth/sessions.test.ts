import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAuthTestbed, HOUR, outcomeOf, type AuthTestbed } from '../testing/authTestbed.js';

let t: AuthTestbed;
beforeAll(async () => {
  t = createAuthTestbed({ idleMs: 2 * HOUR, maxMs: 10 * HOUR });
  await t.addUser('alice', 'alice-password-1', 'viewer');
  await t.addUser('bob', 'bob-password-123', 'operator');
  await t.addUser('root', 'root-password-12', 'admin');
});
afterAll(() => t.close());

describe('sessions', () => {
  it('lists the user’s own sessions with address, user agent and the current one marked, never the cookie', async () => {
    const phone = t.browser({ address: '198.51.100.1', userAgent: 'Phone/2' });
    const desk = t.browser({ address: '198.51.100.2', userAgent: 'Desk/3' });
    await phone.signIn('alice', 'alice-password-1');
    const signedIn = new Date(t.now()).toISOString();
    t.advance(60_000);
    await desk.signIn('alice', 'alice-password-1');
    await t.browser().signIn('bob', 'bob-password-123');
    const mine = await desk.api.sessions.mine();
    expect(mine.map((s) => [s.username, s.address, s.userAgent, s.current])).toEqual([
      ['alice', '198.51.100.2', 'Desk/3', true],
      ['alice', '198.51.100.1', 'Phone/2', false],
    ]);
    expect(mine[1]).toMatchObject({ createdAt: signedIn, lastSeenAt: signedIn });
    expect(JSON.stringify(mine)).not.toContain(phone.cookie ?? '?');
    expect(JSON.stringify(mine)).not.toContain(desk.cookie ?? '?');
  });

  it('revoking a session ends it at once: its next call is refused', async () => {
    const one = t.browser();
    const two = t.browser();
    t.advance(1000);
    await one.signIn('alice', 'alice-password-1');
    await two.signIn('alice', 'alice-password-1');
    const other = (await one.api.sessions.mine()).find(
      (s) => !s.current && s.createdAt === new Date(t.now()).toISOString(),
    );
    expect(await one.api.sessions.revoke({ id: other?.id ?? '' })).toEqual({ ok: true, current: false });
    expect(await outcomeOf(two.api.auth.me())).toBe('UNAUTHORIZED: sign in first');
    expect((await one.api.auth.me()).username).toBe('alice');
  });

  it('a user cannot end someone else’s session; an admin sees and ends everyone’s', async () => {
    const bob = t.browser();
    await bob.signIn('bob', 'bob-password-123');
    const alice = t.browser();
    await alice.signIn('alice', 'alice-password-1');
    const admin = t.browser();
    await admin.signIn('root', 'root-password-12');
    const all = await admin.api.sessions.all();
    expect(new Set(all.map((s) => s.username))).toEqual(new Set(['alice', 'bob', 'root']));
    const bobs = (await bob.api.sessions.mine()).find((s) => s.current);
    expect(await outcomeOf(alice.api.sessions.revoke({ id: bobs?.id ?? '' }))).toBe(
      'NOT_FOUND: no such session (it may have ended)',
    );
    expect((await bob.api.auth.me()).username).toBe('bob');
    await admin.api.sessions.revoke({ id: bobs?.id ?? '' });
    expect(await outcomeOf(bob.api.auth.me())).toBe('UNAUTHORIZED: sign in first');
  });

  it('ending your own current session signs you out', async () => {
    const b = t.browser();
    await b.signIn('alice', 'alice-password-1');
    const current = (await b.api.sessions.mine()).find((s) => s.current);
    expect(await b.api.sessions.revoke({ id: current?.id ?? '' })).toEqual({ ok: true, current: true });
    expect(b.cookie).toBeNull();
  });

  it('ends a session after the idle time, and after the absolute time however busy', async () => {
    const idle = t.browser();
    await idle.signIn('alice', 'alice-password-1');
    t.advance(2 * HOUR + 1);
    expect(await outcomeOf(idle.api.auth.me())).toBe('UNAUTHORIZED: sign in first');

    const busy = t.browser();
    await busy.signIn('alice', 'alice-password-1');
    for (let h = 0; h < 9; h++) {
      t.advance(HOUR + 30 * 60_000);
      if (h < 6) expect((await busy.api.auth.me()).username).toBe('alice');
    }
    expect(await outcomeOf(busy.api.auth.me())).toBe('UNAUTHORIZED: sign in first');
  });
});
