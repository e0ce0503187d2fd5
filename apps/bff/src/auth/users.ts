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
}

export class UserStore {
  constructor(private readonly db: Db) {}

  count(): number {
    const row = this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
    return row.n;
  }

  findByUsername(username: string): UserRow | undefined {
    return this.db
      .prepare('SELECT id, username, password_hash, role, disabled FROM users WHERE username = ?')
      .get(username) as UserRow | undefined;
  }

  findById(id: string): UserRow | undefined {
    return this.db
      .prepare('SELECT id, username, password_hash, role, disabled FROM users WHERE id = ?')
      .get(id) as UserRow | undefined;
  }

  async create(username: string, password: string, role: Role): Promise<UserRow> {
    const row: UserRow = {
      id: randomUUID(),
      username,
      password_hash: await hashPassword(password),
      role,
      disabled: 0,
    };
    this.db
      .prepare(
        'INSERT INTO users (id, username, password_hash, role, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)',
      )
      .run(row.id, row.username, row.password_hash, row.role, Date.now());
    return row;
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
