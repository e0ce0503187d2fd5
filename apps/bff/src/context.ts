import type { IncomingMessage, ServerResponse } from 'node:http';

import type {
  ApiContext,
  AuditPort,
  AuthPort,
  ClientInfo,
  HostsPort,
  JobsPort,
  SessionCookiePort,
  SessionsPort,
  UsersPort,
} from '@zonedeck/api';

import { parseCookies, serializeSessionCookie, sessionCookieName } from './auth/cookies.js';
import type { SessionInfo, SessionStore } from './auth/sessions.js';
import type { ConsoleTickets } from './console/consoleTickets.js';

export interface ContextDeps {
  auth: AuthPort;
  sessions: SessionStore;
  users: UsersPort;
  sessionsPort: SessionsPort;
  hosts: HostsPort;
  jobs: JobsPort;
  audit: AuditPort;
  consoles: ConsoleTickets;
  /** Served over HTTPS: the session cookie is `__Host-` prefixed and Secure. */
  secureCookies: boolean;
  /** Dangerous vmadm properties the server allows (ZONEDECK_ALLOW_VM_PROPERTIES). */
  allowedVmProperties: ReadonlySet<string>;
}

/** The session behind a request's cookie, or null. Shared by tRPC and the console upgrade. */
export function sessionOf(req: IncomingMessage, deps: Pick<ContextDeps, 'sessions' | 'secureCookies'>) {
  const id = parseCookies(req.headers.cookie).get(sessionCookieName(deps.secureCookies));
  return id ? deps.sessions.lookup(id) : null;
}

/** The tRPC context of one caller: its session (or none), where it calls from, and its cookie jar. */
export function createApiContext(
  deps: ContextDeps,
  session: SessionInfo | null,
  client: ClientInfo,
  cookies: SessionCookiePort,
): ApiContext {
  return {
    user: session?.user ?? null,
    sessionId: session?.sessionId ?? null,
    client,
    auth: deps.auth,
    users: deps.users,
    sessions: deps.sessionsPort,
    hosts: deps.hosts,
    jobs: deps.jobs,
    audit: deps.audit,
    consoles: deps.consoles,
    allowedVmProperties: deps.allowedVmProperties,
    cookies,
  };
}

/** Builds the tRPC context of one HTTP request. */
export function createRequestContext(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ContextDeps,
): ApiContext {
  return createApiContext(
    deps,
    sessionOf(req, deps),
    { address: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent'] ?? null },
    {
      set: (sessionId, expiresAt) =>
        res.appendHeader('Set-Cookie', serializeSessionCookie(deps.secureCookies, sessionId, expiresAt)),
      clear: () => res.appendHeader('Set-Cookie', serializeSessionCookie(deps.secureCookies, '', null)),
    },
  );
}
