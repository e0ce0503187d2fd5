/**
 * The listener bookkeeping both transports' PTY sessions share: data listeners, and an exit
 * reported exactly once (at once to a listener that registers after the end).
 */
import type { PtyExit, PtySession } from './transport.js';

/** The terminal type both transports announce ($TERM). */
export const PTY_TERM = 'xterm-256color';

/** What a transport's terminal can do; the session adds the listeners. */
export interface PtyControls {
  write(data: string | Buffer): void;
  resize(cols: number, rows: number): void;
  pause(): void;
  resume(): void;
  kill(): void;
}

export interface PtySessionHandle {
  session: PtySession;
  emitData(data: Buffer): void;
  /** Reports the end; later calls are ignored. */
  emitExit(exit: PtyExit): void;
}

export function createPtySession(controls: PtyControls): PtySessionHandle {
  const dataListeners = new Set<(data: Buffer) => void>();
  const exitListeners = new Set<(exit: PtyExit) => void>();
  let ended: PtyExit | undefined;

  const session: PtySession = {
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onExit(listener) {
      if (ended !== undefined) {
        const exit = ended;
        queueMicrotask(() => listener(exit));
        return () => undefined;
      }
      exitListeners.add(listener);
      return () => exitListeners.delete(listener);
    },
    write: (data) => {
      if (ended === undefined) controls.write(data);
    },
    resize: (cols, rows) => {
      if (ended === undefined) controls.resize(checkSize(cols), checkSize(rows));
    },
    pause: () => controls.pause(),
    resume: () => controls.resume(),
    kill: () => {
      if (ended === undefined) controls.kill();
    },
  };

  return {
    session,
    emitData(data) {
      for (const listener of [...dataListeners]) listener(data);
    },
    emitExit(exit) {
      if (ended !== undefined) return;
      ended = exit;
      for (const listener of [...exitListeners]) listener(exit);
      exitListeners.clear();
      dataListeners.clear();
    },
  };
}

/** Terminal sizes are small positive integers; anything else is a caller's bug. */
export function checkSize(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new RangeError(`not a terminal size: ${n}`);
  return n;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks a PTY request's extra environment: plain names, no NUL bytes. */
export function checkPtyEnv(env: Record<string, string> | undefined): [string, string][] {
  const entries = Object.entries(env ?? {});
  for (const [name, value] of entries) {
    if (!ENV_NAME.test(name) || value.includes('\0')) {
      throw new RangeError(`not a usable environment variable: ${JSON.stringify(name)}`);
    }
  }
  return entries;
}
