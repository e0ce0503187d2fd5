import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAuthTestbed, outcomeOf, type AuthTestbed } from '../testing/authTestbed.js';
import { totpCodeAt } from './totp.js';

let t: AuthTestbed;
let alice: ReturnType<AuthTestbed['browser']>;
let aliceId: string;
beforeEach(async () => {
  t = createAuthTestbed();
  aliceId = (await t.addUser('alice', 'alice-password-1', 'operator')).id;
  alice = t.browser();
  await alice.signIn('alice', 'alice-password-1');
});
afterEach(() => t.close());

describe('own password', () => {
  it('needs the current password, then ends the user’s other sessions but not this one', async () => {
    const laptop = t.browser({ address: '192.0.2.50' });
    await laptop.signIn('alice', 'alice-password-1');
    expect(
      await outcomeOf(
        alice.api.auth.changePassword({ currentPassword: 'not-it', newPassword: 'alice-password-2' }),
      ),
    ).toBe('FORBIDDEN: the current password is wrong');
    expect((await laptop.api.auth.me()).username).toBe('alice');
    await alice.api.auth.changePassword({
      currentPassword: 'alice-password-1',
      newPassword: 'alice-password-2',
    });
    expect((await alice.api.auth.me()).username).toBe('alice');
    expect(await outcomeOf(laptop.api.auth.me())).toBe('UNAUTHORIZED: sign in first');
    expect(await t.browser().signIn('alice', 'alice-password-2')).toMatchObject({ username: 'alice' });
  });
});

describe('TOTP second factor', () => {
  async function enrol(): Promise<string> {
    const enrolment = await alice.api.auth.totp.begin();
    expect(enrolment.uri).toBe(
      `otpauth://totp/ZoneDeck:alice?issuer=ZoneDeck&secret=${enrolment.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    // A QR code: a square of modules, with the finder pattern's dark top-left corner.
    expect(enrolment.qr.length).toBeGreaterThanOrEqual(21);
    expect(enrolment.qr.every((row) => row.length === enrolment.qr.length && /^[01]+$/.test(row))).toBe(true);
    expect(enrolment.qr[0]?.startsWith('1111111')).toBe(true);
    // Not on until a code from the new secret is confirmed.
    expect((await alice.api.auth.account()).totpEnabled).toBe(false);
    expect(await outcomeOf(alice.api.auth.totp.confirm({ code: '000000' }))).toMatch(
      /^BAD_REQUEST: wrong code/,
    );
    await alice.api.auth.totp.confirm({ code: totpCodeAt(enrolment.secret, t.now()) });
    expect((await alice.api.auth.account()).totpEnabled).toBe(true);
    return enrolment.secret;
  }

  it('known RFC 6238 value: SHA1, 8 digits, T=59 s gives 94287082 (6 digits: 287082)', () => {
    // The RFC's test seed "12345678901234567890" in base32.
    expect(totpCodeAt('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
  });

  it('asks for a code after the password, and signs in only with a right, unused one', async () => {
    const secret = await enrol();
    const b = t.browser();
    expect(await b.api.auth.login({ username: 'alice', password: 'alice-password-1' })).toEqual({
      status: 'code-required',
    });
    expect(b.cookie).toBeNull();
    expect(
      await outcomeOf(b.api.auth.login({ username: 'alice', password: 'alice-password-1', code: '123456' })),
    ).toBe('UNAUTHORIZED: wrong or already used code');
    // A wrong password with a right code is still just a wrong password.
    t.advance(30_000);
    const code = totpCodeAt(secret, t.now());
    expect(await outcomeOf(b.api.auth.login({ username: 'alice', password: 'nope', code }))).toBe(
      'UNAUTHORIZED: wrong user name or password',
    );
    expect(await b.signIn('alice', 'alice-password-1', code)).toMatchObject({ username: 'alice' });
    // The same code again, within its window: refused.
    expect(
      await outcomeOf(t.browser().api.auth.login({ username: 'alice', password: 'alice-password-1', code })),
    ).toBe('UNAUTHORIZED: wrong or already used code');
    t.advance(30_000);
    expect(await t.browser().signIn('alice', 'alice-password-1', totpCodeAt(secret, t.now()))).toMatchObject({
      username: 'alice',
    });
  });

  it('stores the secret encrypted and never shows it again', async () => {
    const secret = await enrol();
    const row = t.parts.users.findById(aliceId);
    // Sealed (crypto/secretBox.ts): base64 of version, IV, tag and ciphertext, the seed in neither form.
    const sealed = row?.totp_secret ?? '';
    expect(sealed).toMatch(/^[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(sealed).not.toContain(secret);
    expect(Buffer.from(sealed, 'base64').includes(secret)).toBe(false);
    expect(JSON.stringify(await alice.api.auth.account())).not.toContain(secret);
    expect(JSON.stringify(t.parts.audit.list({ limit: 100 }))).not.toContain(secret);
  });

  it('guessing codes is throttled like passwords', async () => {
    await enrol();
    const b = t.browser();
    const results: string[] = [];
    for (let i = 0; i < 7; i++) {
      results.push(
        await outcomeOf(
          b.api.auth.login({ username: 'alice', password: 'alice-password-1', code: `00000${i}` }),
        ),
      );
    }
    expect(results.slice(0, 5).every((r) => r === 'UNAUTHORIZED: wrong or already used code')).toBe(true);
    expect(results[5]).toMatch(/^TOO_MANY_REQUESTS/);
    // Giving the password alone (no code) does not reset the count.
    await b.api.auth.login({ username: 'alice', password: 'alice-password-1' }).catch(() => undefined);
    expect(
      await outcomeOf(b.api.auth.login({ username: 'alice', password: 'alice-password-1', code: '000009' })),
    ).toMatch(/^TOO_MANY_REQUESTS/);
  });

  it('can be turned off with the password, or reset by an admin', async () => {
    await enrol();
    expect(await outcomeOf(alice.api.auth.totp.disable({ currentPassword: 'wrong' }))).toBe(
      'FORBIDDEN: the current password is wrong',
    );
    await alice.api.auth.totp.disable({ currentPassword: 'alice-password-1' });
    expect((await alice.api.auth.account()).totpEnabled).toBe(false);

    await enrol();
    await t.addUser('root', 'root-password-12', 'admin');
    const admin = t.browser();
    await admin.signIn('root', 'root-password-12');
    expect((await admin.api.users.list()).find((u) => u.id === aliceId)?.totpEnabled).toBe(true);
    await admin.api.users.resetTotp({ userId: aliceId });
    expect(
      await t.browser().api.auth.login({ username: 'alice', password: 'alice-password-1' }),
    ).toMatchObject({
      status: 'ok',
    });
  });
});
