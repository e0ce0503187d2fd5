import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAuthTestbed, outcomeOf, type AuthTestbed } from '../testing/authTestbed.js';

// One scene for the file: root (admin) manages users; each test leaves it as it found it.
let t: AuthTestbed;
let admin: ReturnType<AuthTestbed['browser']>;
let rootId: string;
beforeAll(async () => {
  t = createAuthTestbed();
  rootId = (await t.addUser('root', 'root-password-12', 'admin')).id;
  admin = t.browser({ address: '192.0.2.1' });
  await admin.signIn('root', 'root-password-12');
});
afterAll(() => t.close());

describe('users page (admin only)', () => {
  it('adds a user who can sign in with the role given, and lists them', async () => {
    const created = await admin.api.users.create({
      username: 'olga',
      role: 'operator',
      password: 'olga-password-1',
    });
    expect(created).toMatchObject({ username: 'olga', role: 'operator', disabled: false, lastLoginAt: null });
    const olga = t.browser({ address: '192.0.2.2' });
    expect(await olga.signIn('olga', 'olga-password-1')).toMatchObject({ role: 'operator' });
    const listed = (await admin.api.users.list()).find((u) => u.username === 'olga');
    expect(listed).toMatchObject({
      role: 'operator',
      disabled: false,
      totpEnabled: false,
      createdAt: new Date(t.now()).toISOString(),
      lastLoginAt: new Date(t.now()).toISOString(),
    });
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|password/);
    expect(
      await outcomeOf(
        admin.api.users.create({ username: 'olga', role: 'viewer', password: 'another-pass-1' }),
      ),
    ).toBe('CONFLICT: there already is a user named olga');
  });

  it('refuses user management to operators and viewers, and names bad fields', async () => {
    await t.addUser('otto', 'otto-password-1', 'operator');
    const otto = t.browser();
    await otto.signIn('otto', 'otto-password-1');
    expect(await outcomeOf(otto.api.users.list())).toBe('FORBIDDEN: this needs the admin role');
    expect(
      await outcomeOf(otto.api.users.create({ username: 'x', role: 'admin', password: 'long-enough-pass' })),
    ).toBe('FORBIDDEN: this needs the admin role');
    expect(await outcomeOf(otto.api.sessions.all())).toBe('FORBIDDEN: this needs the admin role');
    expect(
      await outcomeOf(admin.api.users.create({ username: 'bad name', role: 'viewer', password: 'short' })),
    ).toMatch(/BAD_REQUEST: .*letters, digits.*use at least 12 characters/s);
  });

  it('changes a role, and the user’s live session has the new role at once', async () => {
    const vic = await t.addUser('vic', 'vic-password-12', 'viewer');
    const b = t.browser();
    await b.signIn('vic', 'vic-password-12');
    await admin.api.users.setRole({ userId: vic.id, role: 'operator' });
    expect((await b.api.auth.me()).role).toBe('operator');
    await admin.api.users.setRole({ userId: vic.id, role: 'viewer' });
    expect((await b.api.auth.me()).role).toBe('viewer');
  });

  it('disabling a user ends their sessions at once and stops their sign-in; enabling lets them back', async () => {
    const dora = await t.addUser('dora', 'dora-password-1', 'operator');
    const b = t.browser();
    await b.signIn('dora', 'dora-password-1');
    await admin.api.users.setDisabled({ userId: dora.id, disabled: true });
    expect(await outcomeOf(b.api.auth.me())).toBe('UNAUTHORIZED: sign in first');
    expect(t.parts.sessions.list({ userId: dora.id, currentSessionId: null })).toEqual([]);
    expect(
      await outcomeOf(t.browser().api.auth.login({ username: 'dora', password: 'dora-password-1' })),
    ).toBe('UNAUTHORIZED: wrong user name or password');
    await admin.api.users.setDisabled({ userId: dora.id, disabled: false });
    expect(await t.browser().signIn('dora', 'dora-password-1')).toMatchObject({ username: 'dora' });
  });

  it('resetting a password ends the user’s sessions; the new password works, the old does not', async () => {
    const rita = await t.addUser('rita', 'rita-password-1', 'viewer');
    const b = t.browser();
    await b.signIn('rita', 'rita-password-1');
    await admin.api.users.resetPassword({ userId: rita.id, password: 'rita-new-password' });
    expect(await outcomeOf(b.api.auth.me())).toBe('UNAUTHORIZED: sign in first');
    expect(
      await outcomeOf(t.browser().api.auth.login({ username: 'rita', password: 'rita-password-1' })),
    ).toMatch(/^UNAUTHORIZED/);
    expect(await t.browser().signIn('rita', 'rita-new-password')).toMatchObject({ username: 'rita' });
  });

  it('keeps an admin from disabling or demoting themselves', async () => {
    expect(await outcomeOf(admin.api.users.setDisabled({ userId: rootId, disabled: true }))).toBe(
      'PRECONDITION_FAILED: you cannot disable yourself',
    );
    expect(await outcomeOf(admin.api.users.setRole({ userId: rootId, role: 'operator' }))).toBe(
      'PRECONDITION_FAILED: you cannot demote yourself',
    );
    expect((await admin.api.auth.me()).role).toBe('admin');
  });

  it('keeps the last admin an admin, even when two admins remove each other at once', async () => {
    const ada = await t.addUser('ada', 'ada-password-12', 'admin');
    const b = t.browser();
    await b.signIn('ada', 'ada-password-12');
    // Both requests arrive before either runs: each was signed in as an admin when it came.
    const fromRoot = admin.api;
    const fromAda = b.api;
    await fromRoot.users.setDisabled({ userId: ada.id, disabled: true });
    expect(await outcomeOf(fromAda.users.setDisabled({ userId: rootId, disabled: true }))).toBe(
      'PRECONDITION_FAILED: root is the last admin: make another admin first',
    );
    expect(await outcomeOf(fromAda.users.setRole({ userId: rootId, role: 'viewer' }))).toBe(
      'PRECONDITION_FAILED: root is the last admin: make another admin first',
    );
    expect(t.parts.users.countActiveAdmins()).toBe(1);
    expect((await admin.api.auth.me()).role).toBe('admin');
  });
});
