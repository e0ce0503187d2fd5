import type { HostDriver, VmEvent } from '@zonedeck/smartos';

import type { SessionUser } from './schemas/auth.js';
import type { HostEntry } from './schemas/host.js';

/**
 * The ports the BFF implements for the routers. Routers know these interfaces only, so
 * they can be called in tests with `createCaller` and a context built from real parts.
 */
export interface AuthPort {
  /** Checks the password; on success creates a session. Resolves null on bad credentials. */
  login(
    username: string,
    password: string,
  ): Promise<{ sessionId: string; user: SessionUser; expiresAt: Date } | null>;
  logout(sessionId: string): void;
}

export interface SessionCookiePort {
  set(sessionId: string, expiresAt: Date): void;
  clear(): void;
}

export interface HostsPort {
  list(): HostEntry[];
  /** The driver of one host; throws a NOT_FOUND TRPCError-friendly error for unknown ids. */
  driver(hostId: string): HostDriver;
  /** The host's VM events (a full `sync` first) until `signal` aborts. */
  vmEvents(hostId: string, signal: AbortSignal): AsyncIterable<VmEvent>;
}

export interface ApiContext {
  /** The signed-in user, or null. */
  user: SessionUser | null;
  sessionId: string | null;
  auth: AuthPort;
  cookies: SessionCookiePort;
  hosts: HostsPort;
}
