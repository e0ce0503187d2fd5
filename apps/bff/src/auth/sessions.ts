import { createHash, randomBytes } from 'node:crypto';

import type { SessionsPort } from '@zonedeck/api';

import type { Db } from '../db/database.js';
import type { Role } from './users.js';

export interface SessionInfo {
  sessionId: string;
  user: { id: string; username: string; role: Role };
  expiresAt: Date;
}

/** Where a session signed in from. */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

/** A session as its owner and admins see it; `handle` names it without giving away the cookie. */
export interface SessionListing {
  handle: string;
  userId: string;
  username: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The public name of a session: a hash of its id, so listings cannot be replayed as cookies. */
export function sessionHandle(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url').slice(0, 22);
}

interface ListRow {
  id: string;
  user_id: string;
  username: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  address: string | null;
  user_agent: string | null;
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

  create(userId: string, client: ClientInfo): { sessionId: string; expiresAt: Date } {
    const sessionId = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = Math.min(now + this.idleMs, now + this.maxMs);
    this.db
      .prepare(
        `INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, address, user_agent)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(sessionId, userId, now, now, expiresAt, client.address, client.userAgent?.slice(0, 512) ?? null);
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

  /** Live sessions, newest first: one user's, or everyone's without `userId`. */
  list(opts: { userId?: string | undefined; currentSessionId: string | null }): SessionListing[] {
    const sql = `SELECT s.id, s.user_id, u.username, s.created_at, s.last_seen_at, s.expires_at, s.address, s.user_agent
                   FROM sessions s JOIN users u ON u.id = s.user_id
                  WHERE s.expires_at > ? AND u.disabled = 0 ${opts.userId === undefined ? '' : 'AND s.user_id = ?'}
                  ORDER BY s.created_at DESC`;
    const params = opts.userId === undefined ? [this.now()] : [this.now(), opts.userId];
    const rows = this.db.prepare(sql).all(...params) as ListRow[];
    return rows.map((row) => ({
      handle: sessionHandle(row.id),
      userId: row.user_id,
      username: row.username,
      createdAt: new Date(row.created_at),
      lastSeenAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at),
      address: row.address,
      userAgent: row.user_agent,
      current: row.id === opts.currentSessionId,
    }));
  }

  /**
   * Ends the session named `handle` at once (its next request is refused); only one of `userId`'s
   * when given. Returns the ended session's id, or null when there was no such session.
   */
  revoke(handle: string, userId?: string): string | null {
    const rows = (
      userId === undefined
        ? this.db.prepare('SELECT id FROM sessions').all()
        : this.db.prepare('SELECT id FROM sessions WHERE user_id = ?').all(userId)
    ) as { id: string }[];
    const match = rows.find((row) => sessionHandle(row.id) === handle);
    if (!match) return null;
    this.delete(match.id);
    return match.id;
  }

  /** Ends every session of a user, but `keep` (the caller's own, after a password change). */
  deleteForUser(userId: string, keep?: string | null): number {
    return this.db.prepare('DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?').run(userId, keep ?? null)
      .changes;
  }

  deleteExpired(): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(this.now()).changes;
  }
}

/** The sessions as the API lists and revokes them. */
export function createSessionsPort(store: SessionStore): SessionsPort {
  return {
    list: (opts) =>
      store.list(opts).map((s) => ({
        id: s.handle,
        userId: s.userId,
        username: s.username,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        address: s.address,
        userAgent: s.userAgent,
        current: s.current,
      })),
    revoke: (id, opts) => store.revoke(id, opts.userId),
  };
}
