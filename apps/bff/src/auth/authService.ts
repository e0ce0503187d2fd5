import type { AuthPort } from '@zonedeck/api';

import { verifyPassword } from './passwords.js';
import type { SessionStore } from './sessions.js';
import type { UserStore } from './users.js';

// Verified against when the user does not exist, so a wrong user name costs as long as a wrong password.
const dummyHash = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function createAuthService(users: UserStore, sessions: SessionStore): AuthPort {
  return {
    async login(username, password) {
      const user = users.findByUsername(username);
      const ok = await verifyPassword(password, user?.password_hash ?? dummyHash);
      if (!user || !ok || user.disabled) return null;
      const { sessionId, expiresAt } = sessions.create(user.id);
      return { sessionId, expiresAt, user: { id: user.id, username: user.username, role: user.role } };
    },
    logout(sessionId) {
      sessions.delete(sessionId);
    },
  };
}
