import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

/** The BFF's configuration, read from the environment once. The only reader of process.env. */
const Env = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ZONEDECK_DATA_DIR: z.string().min(1).default('./data'),
  /** State directory of the embedded simulated SmartOS host. */
  ZONEDECK_SIM_ROOT: z.string().min(1).optional(),
  /** Profile the simulated host is seeded with on first start. */
  ZONEDECK_SIM_PROFILE: z.enum(['office', 'large']).default('office'),
  /** A real SmartOS host reached over SSH (see README): address, user, key, pinned host key. */
  ZONEDECK_SSH_HOST: z.string().min(1).optional(),
  ZONEDECK_SSH_PORT: z.coerce.number().int().min(1).max(65535).default(22),
  ZONEDECK_SSH_USER: z.string().min(1).default('root'),
  ZONEDECK_SSH_KEY: z.string().min(1).optional(),
  ZONEDECK_SSH_HOST_KEY: z
    .string()
    .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'a host key fingerprint such as SHA256:abc… (ssh-keygen -lf)')
    .optional(),
  /** Hours a session lives without use, and at most in all. */
  ZONEDECK_SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  ZONEDECK_SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  /** PEM certificate (chain) and private key files: serve HTTPS and wss on PORT. Both or neither. */
  ZONEDECK_TLS_CERT: z.string().min(1).optional(),
  ZONEDECK_TLS_KEY: z.string().min(1).optional(),
  /** Dangerous vmadm properties an admin may set anyway (packages/api vmPropertyPolicy.ts). */
  ZONEDECK_ALLOW_VM_PROPERTIES: z
    .string()
    .regex(/^[a-z0-9_.,\s]*$/, 'a comma-separated list such as filesystems,limit_priv')
    .default(''),
});

export interface Config {
  host: string;
  port: number;
  dev: boolean;
  dataDir: string;
  simRoot: string;
  simProfile: 'office' | 'large';
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** The Next.js app's directory (apps/web). */
  webDir: string;
  /** HTTPS with these PEM files, or plain HTTP (null). */
  tls: { certPath: string; keyPath: string } | null;
  /** Dangerous vmadm properties allowed anyway (ZONEDECK_ALLOW_VM_PROPERTIES). */
  allowedVmProperties: string[];
  /** A real SmartOS host over SSH, when configured. */
  sshHost: {
    host: string;
    port: number;
    username: string;
    privateKeyPath: string;
    /** Pinned host key fingerprint; without it the console shows the key it saw and refuses. */
    hostKey: string | null;
  } | null;
}

export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`bad configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.ZONEDECK_DATA_DIR);
  if (e.ZONEDECK_SSH_HOST && !e.ZONEDECK_SSH_KEY) {
    throw new Error('bad configuration: ZONEDECK_SSH_KEY: the path of the private key for ZONEDECK_SSH_HOST');
  }
  if (Boolean(e.ZONEDECK_TLS_CERT) !== Boolean(e.ZONEDECK_TLS_KEY)) {
    throw new Error(
      'bad configuration: ZONEDECK_TLS_CERT and ZONEDECK_TLS_KEY: set both (PEM files) or neither',
    );
  }
  // Both src/main.ts (dev, tsx) and dist/main.js (built) sit one level below apps/bff.
  const bffDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  return {
    host: e.HOST,
    port: e.PORT,
    dev: argv.includes('--dev'),
    dataDir,
    simRoot: path.resolve(e.ZONEDECK_SIM_ROOT ?? path.join(dataDir, 'sim')),
    simProfile: e.ZONEDECK_SIM_PROFILE,
    sessionIdleMs: e.ZONEDECK_SESSION_IDLE_HOURS * 3_600_000,
    sessionMaxMs: e.ZONEDECK_SESSION_MAX_HOURS * 3_600_000,
    webDir: path.resolve(bffDir, '..', 'web'),
    tls:
      e.ZONEDECK_TLS_CERT && e.ZONEDECK_TLS_KEY
        ? { certPath: path.resolve(e.ZONEDECK_TLS_CERT), keyPath: path.resolve(e.ZONEDECK_TLS_KEY) }
        : null,
    allowedVmProperties: e.ZONEDECK_ALLOW_VM_PROPERTIES.split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    sshHost:
      e.ZONEDECK_SSH_HOST && e.ZONEDECK_SSH_KEY
        ? {
            host: e.ZONEDECK_SSH_HOST,
            port: e.ZONEDECK_SSH_PORT,
            username: e.ZONEDECK_SSH_USER,
            privateKeyPath: path.resolve(e.ZONEDECK_SSH_KEY),
            hostKey: e.ZONEDECK_SSH_HOST_KEY ?? null,
          }
        : null,
  };
}
