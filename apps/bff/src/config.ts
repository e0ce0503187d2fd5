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
  /** Hours a session lives without use, and at most in all. */
  ZONEDECK_SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  ZONEDECK_SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
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
  };
}
