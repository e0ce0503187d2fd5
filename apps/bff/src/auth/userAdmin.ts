import { TRPCError } from '@trpc/server';

import type { UsersPort } from '@zonedeck/api';
import type { SessionUser, UserEntry } from '@zonedeck/api/schemas';

import { userKey, type LoginThrottle } from './loginThrottle.js';
import type { SessionStore } from './sessions.js';
import type { Role, UserRow, UserStore } from './users.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * User management for admins, with its guard rails: an admin cannot disable or demote
 * themselves, and nobody can disable or demote the last admin who can sign in. Disabling a user
 * or resetting their password ends their sessions.
 */
export function createUserAdmin(
  users: UserStore,
  sessions: SessionStore,
  throttle: LoginThrottle,
): UsersPort {
  function entryOf(row: UserRow): UserEntry {
    return {
      id: row.id,
      username: row.username,
      role: row.role,
      disabled: row.disabled !== 0,
      createdAt: new Date(row.created_at).toISOString(),
      lastLoginAt: iso(row.last_login_at),
      totpEnabled: row.totp_secret !== null,
      lockedUntil: throttle.lockedUntil(userKey(row.username))?.toISOString() ?? null,
    };
  }

  function existing(userId: string): UserRow {
    const row = users.findById(userId);
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'no such user' });
    return row;
  }

  /** Refuses taking admin rights (by role or by disabling) from yourself or from the last admin. */
  function guardAdminLoss(actor: SessionUser, target: UserRow, what: string): void {
    if (target.id === actor.id) {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `you cannot ${what} yourself` });
    }
    if (target.role === 'admin' && !target.disabled && users.countActiveAdmins() <= 1) {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `${target.username} is the last admin: make another admin first`,
      });
    }
  }

  return {
    list: () => users.list().map(entryOf),

    async create(input) {
      if (users.findByUsername(input.username)) {
        throw new TRPCError({ code: 'CONFLICT', message: `there already is a user named ${input.username}` });
      }
      return entryOf(await users.create(input.username, input.password, input.role));
    },

    setRole(actor, userId, role: Role) {
      const target = existing(userId);
      if (target.role === 'admin' && role !== 'admin') guardAdminLoss(actor, target, 'demote');
      users.setRole(userId, role);
      return entryOf(existing(userId));
    },

    setDisabled(actor, userId, disabled) {
      const target = existing(userId);
      if (disabled) {
        guardAdminLoss(actor, target, 'disable');
        users.setDisabled(userId, true);
        sessions.deleteForUser(userId);
      } else {
        users.setDisabled(userId, false);
      }
      return entryOf(existing(userId));
    },

    async resetPassword(userId, password) {
      existing(userId);
      await users.setPassword(userId, password);
      sessions.deleteForUser(userId);
      return entryOf(existing(userId));
    },

    resetTotp(userId) {
      existing(userId);
      users.clearTotp(userId);
      return entryOf(existing(userId));
    },

    unlock(userId) {
      throttle.clear(userKey(existing(userId).username));
      return entryOf(existing(userId));
    },
  };
}
