import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAuthTestbed, outcomeOf, type AuthTestbed } from '../testing/authTestbed.js';
import { USER_POLICY, type ThrottlePolicies } from './loginThrottle.js';

// Every password check costs a real scrypt hash; most tests use a smaller policy to need fewer.
const SMALL = { ...USER_POLICY, delayAfter: 2, lockAfter: 4 };

let t: AuthTestbed;
async function setUp(throttle: Partial<ThrottlePolicies> = {}) {
  t = createAuthTestbed({ throttle });
  await t.addUser('alice', 'alice-password-1', 'operator');
  await t.addUser('root', 'root-password-12', 'admin');
}
beforeEach(async () => {
  await setUp();
});
afterEach(() => t.close());

/** How a sign-in attempt ends: `resolved`, or the error as `CODE: message`. */
function attempt(b: ReturnType<AuthTestbed['browser']>, username: string, password: string) {
  return outcomeOf(b.api.auth.login({ username, password }));
}

const WRONG = 'UNAUTHORIZED: wrong user name or password';

describe('login throttling', () => {
  it('slows a user name down after 5 failures, with growing delays, then locks it after 10', async () => {
    const b = t.browser();
    for (let i = 0; i < 5; i++) expect(await attempt(b, 'alice', `guess-${i}`)).toBe(WRONG);
    // The 6th try comes too soon, even with the right password: 1 s to wait.
    expect(await attempt(b, 'alice', 'alice-password-1')).toBe(
      'TOO_MANY_REQUESTS: too many failed sign-ins: wait 1 s before trying again',
    );
    const waits: string[] = [];
    for (let i = 5; i < 9; i++) {
      t.advance(60_000);
      expect(await attempt(b, 'alice', `guess-${i}`)).toBe(WRONG);
      waits.push(await attempt(b, 'alice', `guess-${i}`));
    }
    expect(waits.map((w) => /wait (\d+) s/.exec(w)?.[1])).toEqual(['2', '4', '8', '16']);
    t.advance(60_000);
    expect(await attempt(b, 'alice', 'guess-9')).toBe(WRONG);
    // Ten failures: locked for 15 minutes, right password or not.
    expect(await attempt(b, 'alice', 'alice-password-1')).toBe(
      'TOO_MANY_REQUESTS: too many failed sign-ins: locked for 15 min (an admin can unlock it)',
    );
    t.advance(14 * 60_000);
    expect(await attempt(b, 'alice', 'alice-password-1')).toMatch(/^TOO_MANY_REQUESTS: .*locked for 1 min/);
    t.advance(61_000);
    expect(await attempt(b, 'alice', 'alice-password-1')).toBe('resolved');
  });

  it('answers an unknown user exactly as a known one, so the lockout does not reveal who exists', async () => {
    await t.close();
    await setUp({ user: SMALL });
    const b = t.browser({ address: '192.0.2.20' });
    const c = t.browser({ address: '192.0.2.21' });
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await attempt(b, 'alice', `guess-${i}`));
      unknown.push(await attempt(c, 'mallory', `guess-${i}`));
      t.advance(20_000);
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatch(/locked/);
  });

  it('throttles an address that tries many user names', async () => {
    await t.close();
    await setUp({ address: SMALL });
    const b = t.browser({ address: '198.51.100.7' });
    for (let i = 0; i < 4; i++) {
      expect(await attempt(b, `user${i}`, 'x')).toBe(WRONG);
      t.advance(60_000);
    }
    // A user never tried before, right password, but from the locked address.
    expect(await attempt(b, 'alice', 'alice-password-1')).toMatch(/^TOO_MANY_REQUESTS: .*locked/);
    expect(await attempt(t.browser({ address: '198.51.100.8' }), 'alice', 'alice-password-1')).toBe(
      'resolved',
    );
  });

  it('keeps the lockout across a restart', async () => {
    await t.close();
    await setUp({ user: SMALL });
    const b = t.browser();
    for (let i = 0; i < 4; i++) {
      await attempt(b, 'alice', `guess-${i}`);
      t.advance(60_000);
    }
    await t.restart();
    expect(await attempt(t.browser({ address: '203.0.113.1' }), 'alice', 'alice-password-1')).toMatch(
      /^TOO_MANY_REQUESTS: .*locked/,
    );
  });

  it('lets an admin unlock a user, and shows the lock on the users page', async () => {
    await t.close();
    await setUp({ user: SMALL });
    const b = t.browser();
    for (let i = 0; i < 4; i++) {
      await attempt(b, 'alice', `guess-${i}`);
      t.advance(60_000);
    }
    const admin = t.browser({ address: '192.0.2.99' });
    await admin.signIn('root', 'root-password-12');
    const alice = (await admin.api.users.list()).find((u) => u.username === 'alice');
    expect(alice?.lockedUntil).toBe(new Date(t.now() - 60_000 + 15 * 60_000).toISOString());
    await admin.api.users.unlock({ userId: alice?.id ?? '' });
    expect((await admin.api.users.list()).find((u) => u.username === 'alice')?.lockedUntil).toBeNull();
    expect(await attempt(t.browser({ address: '192.0.2.98' }), 'alice', 'alice-password-1')).toBe('resolved');
  });

  it('forgets a user’s failures after a successful sign-in', async () => {
    await t.close();
    await setUp({ user: SMALL });
    const b = t.browser();
    for (let i = 0; i < 2; i++) await attempt(b, 'alice', `guess-${i}`);
    t.advance(2_000);
    expect(await attempt(b, 'alice', 'alice-password-1')).toBe('resolved');
    // Had the two failures stayed, the second of these would have to wait.
    for (let i = 0; i < 2; i++) expect(await attempt(b, 'alice', `again-${i}`)).toBe(WRONG);
  });

  it('counts parallel guesses before checking them, so a burst cannot slip under the limit', async () => {
    const b = t.browser();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempt(b, 'alice', `burst-${i}`)),
    );
    // Checked one after another, only the first 5 get to guess; the rest wait without a hash.
    expect(results.filter((r) => r === WRONG)).toHaveLength(5);
    expect(await attempt(b, 'alice', 'alice-password-1')).toMatch(/^TOO_MANY_REQUESTS/);
  });
});
