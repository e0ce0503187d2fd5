import { randomBytes } from 'node:crypto';

import type { Db } from '../db/database.js';
import type { Role } from './users.js';

export interface SessionInfo {
  sessionId: string;
  user: { id: string; username: string; role: Role };
  expiresAt: Date;
}

interface SessionJoinRow {
  id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_id: string;
  username: string;
  role: Role;
  disabled: number;
}

/**
 * Server-side sessions: a random id in the cookie, everything else here. A session ends after
 * `idleMs` without use or `maxMs` after sign-in, whichever comes first.
 */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly idleMs: number,
    private readonly maxMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(userId: string): { sessionId: string; expiresAt: Date } {
    const sessionId = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = Math.min(now + this.idleMs, now + this.maxMs);
    this.db
      .prepare(
        'INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(sessionId, userId, now, now, expiresAt);
    return { sessionId, expiresAt: new Date(expiresAt) };
  }

  /** The live session with this id, sliding its idle expiry; null if unknown, expired or disabled. */
  lookup(sessionId: string): SessionInfo | null {
    const row = this.db
      .prepare(
        `SELECT s.id, s.created_at, s.last_seen_at, s.expires_at, u.id AS user_id, u.username, u.role, u.disabled
           FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
      )
      .get(sessionId) as SessionJoinRow | undefined;
    if (!row) return null;
    const now = this.now();
    if (row.expires_at <= now || row.disabled) {
      this.delete(sessionId);
      return null;
    }
    const expiresAt = Math.min(now + this.idleMs, row.created_at + this.maxMs);
    // Write at most once a minute: lookups happen on every request.
    if (now - row.last_seen_at > 60_000) {
      this.db
        .prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?')
        .run(now, expiresAt, sessionId);
    }
    return {
      sessionId,
      user: { id: row.user_id, username: row.username, role: row.role },
      expiresAt: new Date(expiresAt),
    };
  }

  delete(sessionId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
  }

  deleteExpired(): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(this.now()).changes;
  }
}
