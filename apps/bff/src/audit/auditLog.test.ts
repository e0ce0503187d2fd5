import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { totpCodeAt } from '../auth/totp.js';
import { createAuthTestbed, HOUR, type AuthTestbed } from '../testing/authTestbed.js';

let t: AuthTestbed;
let admin: ReturnType<AuthTestbed['browser']>;
const start = () => new Date(Date.parse('2026-03-01T09:00:00Z')).toISOString();

// What the admin does here, step by step; the log is read afterwards.
beforeAll(async () => {
  t = createAuthTestbed();
  await t.addUser('root', 'root-password-12', 'admin');
  await t.addUser('vera', 'vera-password-12', 'viewer');
  admin = t.browser({ address: '192.0.2.7' });
  await admin.signIn('root', 'root-password-12');
  t.advance(HOUR);
  const olga = await admin.api.users.create({
    username: 'olga',
    role: 'operator',
    password: 'Olga-Secret-Pass-1',
  });
  await admin.api.users.resetPassword({ userId: olga.id, password: 'Olga-Reset-Pass-2' });
  t.advance(HOUR);
  const vera = t.browser({ address: '192.0.2.8' });
  await vera.signIn('vera', 'vera-password-12');
  await vera.api.users
    .create({ username: 'eve', role: 'admin', password: 'Eve-Would-Be-Admin' })
    .catch(() => undefined);
  await vera.api.auth.changePassword({
    currentPassword: 'vera-password-12',
    newPassword: 'Vera-New-Pass-34',
  });
  const { secret } = await vera.api.auth.totp.begin();
  await vera.api.auth.totp.confirm({ code: totpCodeAt(secret, t.now()) });
  t.advance(HOUR);
  await t
    .browser({ address: '203.0.113.9' })
    .api.auth.login({ username: 'root', password: 'Guess-Root-Pass' })
    .catch(() => undefined);
});
afterAll(() => t.close());

describe('audit of user management and sign-in', () => {
  it('records every mutation, refusals included, with who, what, target and result', async () => {
    const entries = await admin.api.audit.list({ limit: 100 });
    expect(entries.map((e) => [e.username, e.action, e.result]).reverse()).toEqual([
      ['root', 'auth.login', 'ok'],
      ['root', 'users.create', 'ok'],
      ['root', 'users.resetPassword', 'ok'],
      ['vera', 'auth.login', 'ok'],
      ['vera', 'users.create', 'refused'],
      ['vera', 'auth.changePassword', 'ok'],
      ['vera', 'auth.totp.begin', 'ok'],
      ['vera', 'auth.totp.confirm', 'ok'],
      ['root', 'auth.login', 'refused'],
    ]);
    expect(entries[0]).toMatchObject({
      target: 'root',
      detail: 'wrong user name or password from 203.0.113.9',
    });
    expect(entries.find((e) => e.action === 'users.create' && e.result === 'refused')?.detail).toBe(
      'this needs the admin role',
    );
  });

  it('never stores a password or TOTP code, in any column', () => {
    const rows = t.parts.audit.list({ limit: 100 });
    const text = JSON.stringify(rows);
    for (const secret of [
      'root-password-12',
      'vera-password-12',
      'Olga-Secret-Pass-1',
      'Olga-Reset-Pass-2',
      'Eve-Would-Be-Admin',
      'Vera-New-Pass-34',
      'Guess-Root-Pass',
    ]) {
      expect(text).not.toContain(secret);
    }
    const confirm = rows.find((e) => e.action === 'auth.totp.confirm');
    expect(confirm?.args).toEqual({ code: '[redacted]' });
    expect(rows.find((e) => e.action === 'users.create' && e.result === 'ok')?.args).toEqual({
      username: 'olga',
      role: 'operator',
      password: '[redacted]',
    });
  });

  it('filters by user, action prefix, target, result and time range, combined', async () => {
    const list = (f: Parameters<typeof admin.api.audit.list>[0]) =>
      admin.api.audit.list(f).then((rows) => rows.map((e) => `${e.username} ${e.action} ${e.result}`));
    expect(await list({ user: 'vera', action: 'auth.' })).toEqual([
      'vera auth.totp.confirm ok',
      'vera auth.totp.begin ok',
      'vera auth.changePassword ok',
      'vera auth.login ok',
    ]);
    expect(await list({ result: 'refused' })).toEqual([
      'root auth.login refused',
      'vera users.create refused',
    ]);
    expect(await list({ target: 'olga' })).toEqual(['root users.create ok']);
    const hour = (n: number) => new Date(Date.parse(start()) + n * HOUR).toISOString();
    expect(await list({ from: hour(1), to: hour(2) })).toEqual([
      'root users.resetPassword ok',
      'root users.create ok',
    ]);
    expect(await list({ action: 'users.', user: 'root', limit: 1 })).toEqual(['root users.resetPassword ok']);
    // A prefix is a prefix: LIKE's wildcards in it match themselves only.
    expect(await list({ action: '%' })).toEqual([]);
  });

  it('exports the filtered rows as CSV and as JSON', async () => {
    const csv = await admin.api.audit.export({ format: 'csv', user: 'vera', result: 'refused' });
    expect(csv.contentType).toBe('text/csv');
    expect(csv.filename).toMatch(/^zonedeck-audit-.*\.csv$/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,username,action,hostId,target,result,detail,args');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^\d+,2026-03-01T11:00:00\.000Z,vera,users\.create,,eve,refused,this needs the admin role,/,
    );
    expect(lines[1]).toContain('"{""username"":""eve"",""role"":""admin"",""password"":""[redacted]""}"');

    const json = await admin.api.audit.export({ format: 'json', action: 'users.' });
    expect(json.contentType).toBe('application/json');
    expect((JSON.parse(json.body) as { action: string }[]).map((e) => e.action)).toEqual([
      'users.create',
      'users.resetPassword',
      'users.create',
    ]);
  });
});
