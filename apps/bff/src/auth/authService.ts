import type { AuthPort, ClientInfo, LoginOutcome } from '@zonedeck/api';
import type { Account, LoginInput } from '@zonedeck/api/schemas';

import type { SecretBox } from '../crypto/secretBox.js';
import type { LoginThrottle } from './loginThrottle.js';
import { verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import { newTotpSecret, qrRows, totpStepOf, totpUri } from './totp.js';
import type { UserRow, UserStore } from './users.js';

/** A TOTP seed is sealed for its user: a value copied to another user's row does not open. */
const totpLabel = (userId: string): string => `totp:${userId}`;

// Verified against when the user does not exist, so a wrong user name costs as long as a wrong password.
const dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export interface AuthDeps {
  users: UserStore;
  sessions: SessionStore;
  throttle: LoginThrottle;
  secrets: SecretBox;
  now?: () => number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Sign-in (password, optional TOTP, throttled) and what a user does to their own account. */
export function createAuthService(deps: AuthDeps): AuthPort {
  const { users, sessions, throttle, secrets } = deps;
  const now = deps.now ?? Date.now;

  function userOf(userId: string): UserRow {
    const user = users.findById(userId);
    if (!user) throw new Error(`no user ${userId}`);
    return user;
  }

  /** Whether `password` is the user's, throttled like sign-in (per user) so a session cannot guess it. */
  async function checkPassword(user: UserRow, password: string): Promise<boolean> {
    const keys = throttle.keysOf(user.username, null);
    if (throttle.check(keys)) return false;
    throttle.attempt(keys);
    if (!(await verifyPassword(password, user.password_hash))) return false;
    throttle.takeBack(keys);
    return true;
  }

  /** Whether `code` is right for the user's secret and not used before; uses it up if so. */
  function useCode(user: UserRow, sealed: string, code: string): boolean {
    const step = totpStepOf(secrets.openText(sealed, totpLabel(user.id)), code, now());
    return step !== null && users.useTotpStep(user.id, step);
  }

  return {
    async login(input: LoginInput, client: ClientInfo): Promise<LoginOutcome> {
      const keys = throttle.keysOf(input.username, client.address);
      const wait = throttle.check(keys);
      if (wait) {
        return {
          status: 'throttled',
          retryAfterSeconds: Math.ceil(wait.retryAfterMs / 1000),
          locked: wait.locked,
        };
      }
      // Counted before the (slow) hash, so parallel guesses cannot all slip under the limit.
      throttle.attempt(keys);
      const user = users.findByUsername(input.username);
      const ok = await verifyPassword(input.password, user?.password_hash ?? dummyHash);
      if (!user || !ok || user.disabled) return { status: 'refused', reason: 'credentials' };
      if (user.totp_secret) {
        if (input.code === undefined) {
          // The password was right: this attempt does not count, the one with the code will.
          // (Earlier failures stay, or guessing codes could be reset by giving the password alone.)
          throttle.takeBack(keys);
          return { status: 'code-required' };
        }
        if (!useCode(user, user.totp_secret, input.code)) return { status: 'refused', reason: 'code' };
      }
      throttle.succeeded(keys);
      users.recordLogin(user.id);
      const { sessionId, expiresAt } = sessions.create(user.id, client);
      return {
        status: 'ok',
        sessionId,
        expiresAt,
        user: { id: user.id, username: user.username, role: user.role },
      };
    },

    logout(sessionId) {
      sessions.delete(sessionId);
    },

    account(userId): Account {
      const user = userOf(userId);
      return {
        id: user.id,
        username: user.username,
        role: user.role,
        createdAt: new Date(user.created_at).toISOString(),
        lastLoginAt: iso(user.last_login_at),
        totpEnabled: user.totp_secret !== null,
      };
    },

    async changePassword(userId, sessionId, current, next) {
      if (!(await checkPassword(userOf(userId), current))) return false;
      await users.setPassword(userId, next);
      sessions.deleteForUser(userId, sessionId);
      return true;
    },

    beginTotp(userId) {
      const user = userOf(userId);
      const secret = newTotpSecret();
      users.setTotpPending(userId, secrets.sealText(secret, totpLabel(userId)));
      const uri = totpUri(secret, user.username);
      return { secret, uri, qr: qrRows(uri) };
    },

    confirmTotp(userId, code) {
      const user = userOf(userId);
      if (!user.totp_pending) return false;
      const step = totpStepOf(secrets.openText(user.totp_pending, totpLabel(userId)), code, now());
      if (step === null) return false;
      users.enableTotp(userId, user.totp_pending, step);
      return true;
    },

    async disableTotp(userId, currentPassword) {
      if (!(await checkPassword(userOf(userId), currentPassword))) return false;
      users.clearTotp(userId);
      return true;
    },
  };
}
