import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ApiContext, AuditPort, AuthPort, HostsPort, JobsPort } from '@zonedeck/api';

import type { AuditLog } from './audit/auditLog.js';
import { parseCookies, serializeSessionCookie, sessionCookieName } from './auth/cookies.js';
import type { SessionStore } from './auth/sessions.js';
import type { ConsoleTickets } from './console/consoleTickets.js';

export interface ContextDeps {
  auth: AuthPort;
  sessions: SessionStore;
  hosts: HostsPort;
  jobs: JobsPort;
  audit: AuditPort & Pick<AuditLog, 'record'>;
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

/** Builds the tRPC context of one HTTP request. */
export function createRequestContext(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ContextDeps,
): ApiContext {
  const session = sessionOf(req, deps);
  return {
    user: session?.user ?? null,
    sessionId: session?.sessionId ?? null,
    auth: deps.auth,
    hosts: deps.hosts,
    jobs: deps.jobs,
    audit: deps.audit,
    consoles: deps.consoles,
    allowedVmProperties: deps.allowedVmProperties,
    cookies: {
      set: (sessionId, expiresAt) =>
        res.appendHeader('Set-Cookie', serializeSessionCookie(deps.secureCookies, sessionId, expiresAt)),
      clear: () => res.appendHeader('Set-Cookie', serializeSessionCookie(deps.secureCookies, '', null)),
    },
  };
}
