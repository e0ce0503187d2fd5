// Test helpers: fresh simulator roots, running the real executables, reading fixtures.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { initSim, simEnv, stopImageServer, type SimProfile } from '../src/index.js';

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'seed', 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const roots: string[] = [];

/** A new temp state directory seeded with a profile; removed by cleanupRoots(). */
export async function freshRoot(profile: SimProfile = 'office'): Promise<string> {
  const root = join(mkdtempSync(join(tmpdir(), 'smartos-sim-test-')), 'host');
  roots.push(root);
  await initSim({ root, profile });
  return root;
}

export async function cleanupRoots(): Promise<void> {
  await Promise.all(
    roots.splice(0).map(async (root) => {
      // the image server daemon imgadm may have started for this host
      await stopImageServer(root);
      await rm(dirname(root), { recursive: true, force: true });
    }),
  );
}

/** Runs an executable by name (found on the simulator's PATH) with argv, no shell. */
export function run(
  root: string | undefined,
  argv: readonly string[],
  extraEnv: Record<string, string> = {},
): Promise<RunResult> {
  const [cmd, ...args] = argv;
  if (cmd === undefined) throw new Error('empty argv');
  const env: NodeJS.ProcessEnv = { ...process.env, ...simEnv(root ?? ''), ...extraEnv };
  if (root === undefined) delete env.SMARTOS_SIM_ROOT;
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') {
        reject(new Error(`${cmd}: ${err.message}`));
        return;
      }
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
    });
  });
}

export function fixture(name: string): string {
  return readFileSync(join(fixturesDir, name), 'utf8');
}

/** The argv a fixture was captured with (its .cmd file). */
export function fixtureArgv(name: string): string[] {
  const base = name.replace(/\.(txt|json|jsonl)$/, '');
  return JSON.parse(readFileSync(join(fixturesDir, `${base}.cmd`), 'utf8')) as string[];
}

/** Fixture text as it reads on this simulated host, whose zonepaths are real directories. */
export function withZonepaths(text: string, root: string): string {
  return text.replace(
    /"zonepath": "\/zones\/([0-9a-f-]{36})"/g,
    (_m, uuid: string) => `"zonepath": ${JSON.stringify(join(root, 'zones', uuid))}`,
  );
}
