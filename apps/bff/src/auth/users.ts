import { randomUUID } from 'node:crypto';

import type { Db } from '../db/database.js';
import { generatePassword, hashPassword } from './passwords.js';

export type Role = 'viewer' | 'operator' | 'admin';

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  disabled: number;
  created_at: number;
  last_login_at: number | null;
  /** The TOTP secret, sealed (SecretBox); null without a second factor. */
  totp_secret: string | null;
  /** A secret being enrolled, sealed, until the user confirms a code from it. */
  totp_pending: string | null;
  /** The last TOTP time step accepted, so a code is never accepted twice. */
  totp_last_step: number | null;
}

export class UserStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  count(): number {
    const row = this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
    return row.n;
  }

  list(): UserRow[] {
    return this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[];
  }

  findByUsername(username: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  }

  findById(id: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  }

  /** Admins that can sign in; the last one can be neither disabled nor demoted. */
  countActiveAdmins(): number {
    const row = this.db
      .prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0")
      .get() as { n: number };
    return row.n;
  }

  async create(username: string, password: string, role: Role): Promise<UserRow> {
    const row: UserRow = {
      id: randomUUID(),
      username,
      password_hash: await hashPassword(password),
      role,
      disabled: 0,
      created_at: this.now(),
      last_login_at: null,
      totp_secret: null,
      totp_pending: null,
      totp_last_step: null,
    };
    this.db
      .prepare(
        'INSERT INTO users (id, username, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)',
      )
      .run(row.id, row.username, row.password_hash, row.role, row.created_at);
    return row;
  }

  async setPassword(id: string, password: string): Promise<void> {
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(await hashPassword(password), id);
  }

  setRole(id: string, role: Role): void {
    this.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id);
  }

  setDisabled(id: string, disabled: boolean): void {
    this.db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
  }

  recordLogin(id: string): void {
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(this.now(), id);
  }

  setTotpPending(id: string, sealed: string | null): void {
    this.db.prepare('UPDATE users SET totp_pending = ? WHERE id = ?').run(sealed, id);
  }

  /** Makes the pending secret the user's second factor, from time step `step` on. */
  enableTotp(id: string, sealed: string, step: number): void {
    this.db
      .prepare('UPDATE users SET totp_secret = ?, totp_pending = NULL, totp_last_step = ? WHERE id = ?')
      .run(sealed, step, id);
  }

  clearTotp(id: string): void {
    this.db
      .prepare('UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL WHERE id = ?')
      .run(id);
  }

  /**
   * Records `step` as used if it is later than the last one used; false when it is not (a
   * replayed code). One statement, so two requests cannot both use the same code.
   */
  useTotpStep(id: string, step: number): boolean {
    return (
      this.db
        .prepare(
          'UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)',
        )
        .run(step, id, step).changes === 1
    );
  }

  /**
   * On first start (no users at all) creates `admin` with a random password and returns that
   * password so it can be shown once. Only its hash is stored.
   */
  async ensureInitialAdmin(): Promise<string | null> {
    if (this.count() > 0) return null;
    const password = generatePassword();
    await this.create('admin', password, 'admin');
    return password;
  }
}
