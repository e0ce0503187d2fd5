// What zlogin talks to: the terminal (or pipes) it was started on.
import { spawnSync } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

export interface ZloginIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** called with a function to run when the terminal's size changes (SIGWINCH) */
  onResize?: (listener: () => void) => () => void;
}

/** Output post-processing of the terminal on stdin (Node's raw mode keeps ONLCR on). */
function setOpost(on: boolean): void {
  spawnSync('stty', [on ? 'opost' : '-opost'], { stdio: ['inherit', 'ignore', 'ignore'] });
}

/**
 * Raw mode on a terminal stdin as zlogin's set_tty_rawmode() makes it (no echo, no signals, no
 * output processing: the zone's pty already sends CR LF), undone by the returned function.
 */
export function rawStdin(io: ZloginIo): () => void {
  const { stdin } = io;
  if (stdin.isTTY !== true || stdin.setRawMode === undefined) return () => undefined;
  stdin.setRawMode(true);
  setOpost(false);
  return () => {
    setOpost(true);
    stdin.setRawMode?.(false);
  };
}
