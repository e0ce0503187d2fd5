// Helpers for the vmadm tests (not shipped in the executables): running a simulated command
// with stdin, watching a long-running one, and fingerprinting a state directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { simEnv } from '../../index.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const TEST_SPEED = '100';

function envFor(root: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...simEnv(root), SMARTOS_SIM_SPEED: TEST_SPEED, ...extra };
}

/** Runs argv (no shell) with `input` on stdin. */
export function runWithInput(
  root: string,
  argv: readonly string[],
  input: string,
  extraEnv: Record<string, string> = {},
): Promise<RunResult> {
  const [cmd, ...args] = argv;
  if (cmd === undefined) throw new Error('empty argv');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: envFor(root, extraEnv), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Runs argv with an empty stdin. */
export function runVm(
  root: string,
  argv: readonly string[],
  extraEnv: Record<string, string> = {},
): Promise<RunResult> {
  return runWithInput(root, argv, '', extraEnv);
}

export interface Watcher {
  child: ChildProcess;
  lines: () => string[];
  /** resolves once a line matching `test` has been printed */
  waitFor: (test: (line: string) => boolean, timeoutMs?: number) => Promise<string>;
  /** SIGTERM, then the exit code and signal */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a long-running command (vmadm events) and collects its stdout lines. */
export function startWatcher(
  root: string,
  argv: readonly string[],
  extraEnv: Record<string, string> = {},
): Watcher {
  const [cmd, ...args] = argv;
  if (cmd === undefined) throw new Error('empty argv');
  const child = spawn(cmd, args, { env: envFor(root, extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  const done: string[] = [];
  const waiters: (() => void)[] = [];
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    buffer += d;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    done.push(...parts);
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines: () => [...done],
    waitFor: (test, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; saw:\n${done.join('\n')}`)), timeoutMs);
        const check = (): void => {
          const hit = done.find(test);
          if (hit !== undefined) {
            clearTimeout(timer);
            resolve(hit);
          } else waiters.push(check);
        };
        check();
      }),
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A digest of every file under root (path + content), to prove nothing changed. */
export function stateFingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.lock') continue;
      const path = join(dir, name);
      hash.update(path);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex');
}
