import { readFileSync } from 'node:fs';

import { unknownVmPropertyNames } from '@zonedeck/api';

import { AuditLog } from './audit/auditLog.js';
import { createAuthService } from './auth/authService.js';
import { LoginThrottle } from './auth/loginThrottle.js';
import { createSessionsPort, SessionStore } from './auth/sessions.js';
import { createUserAdmin } from './auth/userAdmin.js';
import { UserStore } from './auth/users.js';
import type { Config } from './config.js';
import { ConsoleTickets } from './console/consoleTickets.js';
import { openSecretBox } from './crypto/secretBox.js';
import { openDatabase } from './db/database.js';
import { HostRegistry } from './hosts/hostRegistry.js';
import { HostStore } from './hosts/hostStore.js';
import type { ServerLimits } from './http/serverLimits.js';
import { JobRunner } from './jobs/jobRunner.js';
import { JobStore } from './jobs/jobStore.js';
import { createAppServer, type WebHandlers } from './server.js';

/**
 * Wires the BFF from its parts: the database, users and sessions, the host registry with the
 * embedded simulated host, and the HTTP server. main.ts adds Next.js; tests call this directly.
 */
export async function createApp(
  config: Config,
  web: WebHandlers | null,
  options: { limits?: ServerLimits } = {},
) {
  const unknown = unknownVmPropertyNames(config.allowedVmProperties);
  if (unknown.length > 0) {
    throw new Error(
      `bad configuration: ZONEDECK_ALLOW_VM_PROPERTIES: ${unknown.join(', ')} is not a guarded property`,
    );
  }
  // Read before anything starts: a missing or unreadable certificate stops the server here.
  const tls = config.tls
    ? { cert: readFileSync(config.tls.certPath), key: readFileSync(config.tls.keyPath) }
    : null;
  const db = openDatabase(config.dataDir);
  const users = new UserStore(db);
  const sessions = new SessionStore(db, config.sessionIdleMs, config.sessionMaxMs);
  sessions.deleteExpired();
  const initialAdminPassword = await users.ensureInitialAdmin();

  const audit = new AuditLog(db);
  const secrets = openSecretBox(config.dataDir);
  const hosts = new HostRegistry({ store: new HostStore(db, secrets), audit });
  // A configured real host comes first (the home page shows the first host); the simulated
  // host stays available as the demo host; then the hosts added on the hosts page.
  if (config.sshHost) hosts.addSshHost(config.sshHost);
  await hosts.addSimulatedHost(config.simRoot, config.simProfile);
  hosts.loadStoredHosts();

  const jobs = new JobRunner(new JobStore(db), audit);
  // Jobs a previous process left running are interrupted; the watchers read the hosts afresh.
  const interruptedJobs = jobs.recoverInterrupted();

  const throttle = new LoginThrottle(db);
  const auth = createAuthService({ users, sessions, throttle, secrets });
  const http = createAppServer(
    {
      auth,
      sessions,
      users: createUserAdmin(users, sessions, throttle),
      sessionsPort: createSessionsPort(sessions),
      hosts,
      jobs,
      audit,
      consoles: new ConsoleTickets(),
      secureCookies: tls !== null,
      allowedVmProperties: new Set(config.allowedVmProperties),
    },
    web,
    { tls, dev: config.dev, ...(options.limits ? { limits: options.limits } : {}) },
  );

  return {
    server: http.server,
    /** `https` when TLS is configured. */
    scheme: tls ? 'https' : 'http',
    users,
    hosts,
    audit,
    initialAdminPassword,
    interruptedJobs,
    async close(): Promise<void> {
      await jobs.close();
      await http.close();
      await hosts.close();
      db.close();
    },
  };
}
