import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { TRPCError } from '@trpc/server';

import { createCaller, type ClientInfo } from '@zonedeck/api';
import type { Role } from '@zonedeck/api/schemas';

import { AuditLog } from '../audit/auditLog.js';
import { createAuthService } from '../auth/authService.js';
import { ADDRESS_POLICY, LoginThrottle, USER_POLICY, type ThrottlePolicies } from '../auth/loginThrottle.js';
import { createSessionsPort, SessionStore } from '../auth/sessions.js';
import { createUserAdmin } from '../auth/userAdmin.js';
import { UserStore } from '../auth/users.js';
import { ConsoleTickets } from '../console/consoleTickets.js';
import { createApiContext, type ContextDeps } from '../context.js';
import { openSecretBox } from '../crypto/secretBox.js';
import { openDatabase } from '../db/database.js';
import { HostRegistry } from '../hosts/hostRegistry.js';
import { JobRunner } from '../jobs/jobRunner.js';
import { JobStore } from '../jobs/jobStore.js';

export const HOUR = 3_600_000;

/**
 * The BFF's sign-in, users, sessions and audit parts on a real SQLite file in a temp dir, with
 * one clock the tests move by hand, and "browsers": each keeps its session cookie and calls the
 * routers through createCaller with a context built like an HTTP request's.
 */
export function createAuthTestbed(
  opts: { idleMs?: number; maxMs?: number; throttle?: Partial<ThrottlePolicies> } = {},
) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zonedeck-auth-'));
  let time = Date.parse('2026-03-01T09:00:00Z');
  const now = () => time;

  let db = openDatabase(dataDir);
  function parts() {
    const users = new UserStore(db, now);
    const sessions = new SessionStore(db, opts.idleMs ?? 12 * HOUR, opts.maxMs ?? 168 * HOUR, now);
    const throttle = new LoginThrottle(db, now, {
      user: opts.throttle?.user ?? USER_POLICY,
      address: opts.throttle?.address ?? ADDRESS_POLICY,
    });
    const audit = new AuditLog(db, now);
    const jobs = new JobRunner(new JobStore(db), audit);
    const deps: ContextDeps = {
      auth: createAuthService({ users, sessions, throttle, secrets: openSecretBox(dataDir), now }),
      sessions,
      users: createUserAdmin(users, sessions, throttle),
      sessionsPort: createSessionsPort(sessions),
      hosts: new HostRegistry(),
      jobs,
      audit,
      consoles: new ConsoleTickets(now),
      secureCookies: false,
      allowedVmProperties: new Set(),
    };
    return { users, sessions, throttle, audit, jobs, deps };
  }
  let p = parts();

  function browser(client: Partial<ClientInfo> = {}) {
    let cookie: string | null = null;
    const info: ClientInfo = { address: '192.0.2.10', userAgent: 'Testbed/1.0', ...client };
    return {
      get cookie() {
        return cookie;
      },
      /** The routers as this browser calls them now (its current cookie). */
      get api() {
        const session = cookie ? p.sessions.lookup(cookie) : null;
        return createCaller(
          createApiContext(p.deps, session, info, {
            set: (id) => {
              cookie = id;
            },
            clear: () => {
              cookie = null;
            },
          }),
        );
      },
      async signIn(username: string, password: string, code?: string) {
        const result = await this.api.auth.login(
          code === undefined ? { username, password } : { username, password, code },
        );
        if (result.status !== 'ok') throw new Error(`${username} was asked for a code`);
        return result.user;
      },
    };
  }

  return {
    dataDir,
    get parts() {
      return p;
    },
    now,
    advance(ms: number) {
      time += ms;
    },
    browser,
    /** A user straight in the store (no API), for setting the scene. */
    async addUser(username: string, password: string, role: Role) {
      return p.users.create(username, password, role);
    },
    /** Closes and reopens the database, as a restart of the server would. */
    async restart() {
      await p.jobs.close();
      db.close();
      db = openDatabase(dataDir);
      p = parts();
    },
    async close() {
      await p.jobs.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type AuthTestbed = ReturnType<typeof createAuthTestbed>;

/** How a call ended: `resolved`, or the tRPC error's `CODE: message` (other errors are thrown). */
export async function outcomeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    if (err instanceof TRPCError) return `${err.code}: ${err.message}`;
    throw err;
  }
}
