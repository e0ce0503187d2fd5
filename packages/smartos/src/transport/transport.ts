/**
 * A Transport moves bytes to and from one host. It knows nothing of SmartOS commands:
 * the driver builds argv arrays and parses what comes back.
 *
 * The surface, implemented alike by LocalTransport (child_process, node-pty, net) and
 * SshTransport (one multiplexed ssh2 connection):
 *
 * - `exec({ argv, stdin?, timeoutMs?, signal? })` → `{ exitCode, stdout, stderr }`. Resolves
 *   whatever the exit code; a command killed by signal N exits 128 + N. Rejects with a
 *   SmartosError: `Timeout` / `Aborted` (the command is killed), `HostUnreachable` (no link,
 *   or it dropped mid-command), `HostKeyMismatch` (nothing ran), `CommandNotFound` (local
 *   only; a remote shell exits 127 instead), `CommandFailed` (anything else).
 * - `spawnPty({ argv, cols, rows, env? })` → PtySession: a command on a terminal (zlogin,
 *   the bhyve console). Text in and out, resize, kill; onExit says how it ended.
 * - `spawn({ argv })` → SpawnedProcess: a long-lived command whose output is read as it comes
 *   (`vmadm events -jr`): stdout and stderr as UTF-8 text, onExit, kill (the whole process
 *   group, on the host too). Rejects like exec when the command cannot start.
 * - `connectSocket(path, reader?)` → a Duplex joined to a unix socket on the host (a guest's VNC
 *   or serial socket). Local: net.connect; SSH: an OpenSSH direct-streamlocal channel. With a
 *   SocketReader, what the socket reads goes to the reader (into its buffers where the transport
 *   can read in place), not to 'data' events.
 * - `close()` ends everything the transport runs and its connection.
 *
 * argv is never a shell string. LocalTransport spawns without a shell; SshTransport sends
 * one command line, built only by shellQuote.ts's commandLine(argv).
 */
import type { Duplex } from 'node:stream';

import type { SmartosError } from '../errors.js';

export interface ExecRequest {
  /** The command and its arguments. Never a shell string. */
  argv: readonly string[];
  /** Written to the command's standard input, then closed. */
  stdin?: string;
  /** Kill the command and reject with a Timeout error after this many milliseconds. */
  timeoutMs?: number;
  /** Kill the command and reject with an Aborted error when this signal fires. */
  signal?: AbortSignal;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface PtyRequest {
  /** The command and its arguments, as for exec. */
  argv: readonly string[];
  cols: number;
  rows: number;
  /** Extra environment for the command (names: letters, digits, _). TERM is xterm-256color. */
  env?: Record<string, string>;
}

/** How a PTY session ended. */
export interface PtyExit {
  /** The command's exit code (128 + N after signal N); null when it ended without one. */
  exitCode: number | null;
  /** Set when the session ended because the link to the host failed (HostUnreachable). */
  error?: SmartosError;
}

/**
 * A command on a terminal. Output is the terminal's bytes as read: a multi-byte character may
 * be split between chunks, so a reader that wants text decodes with a StringDecoder (a console
 * relay passes the bytes on untouched, and xterm.js decodes them).
 */
export interface PtySession {
  /** Registers a listener for output; returns a function that removes it. */
  onData(listener: (data: Buffer) => void): () => void;
  /** Registers a listener for the end (called once; at once if it already ended). */
  onExit(listener: (exit: PtyExit) => void): () => void;
  /** Types into the terminal. Ignored after the end. */
  write(data: string | Buffer): void;
  resize(cols: number, rows: number): void;
  /** Stops reading output (flow control); the command blocks once buffers fill. */
  pause(): void;
  resume(): void;
  /** Ends the session: hangs up the terminal (SIGHUP), which ends the command. */
  kill(): void;
}

export interface SpawnRequest {
  /** The command and its arguments, as for exec. Its standard input is closed at once. */
  argv: readonly string[];
}

/** How a spawned command ended: as PtyExit (exit code, or the link failure that ended it). */
export type ProcessExit = PtyExit;

/**
 * A command running without a terminal, its output streamed. Output that arrives before the
 * first listener is kept for it; multi-byte characters are kept whole.
 */
export interface SpawnedProcess {
  /** Registers a listener for standard output; returns a function that removes it. */
  onStdout(listener: (text: string) => void): () => void;
  onStderr(listener: (text: string) => void): () => void;
  /** Registers a listener for the end (called once; at once if it already ended). */
  onExit(listener: (exit: ProcessExit) => void): () => void;
  /** Kills the command and everything it started; onExit follows. */
  kill(): void;
}

/**
 * Reads a socket into buffers its caller hands out (Node's `onread`), so that a relay reusing
 * its buffers does not pay for a fresh one per read. A transport that cannot read in place (an
 * SSH channel) hands its own chunks to `onRead` and never asks for a buffer.
 */
export interface SocketReader {
  /** The buffer the next read may fill. It is the caller's again once `onRead` has its bytes. */
  nextBuffer(): Buffer;
  /** Bytes read: a view into a buffer from `nextBuffer()`, or a chunk of the transport's own. Return false to pause the socket. */
  onRead(chunk: Buffer): boolean;
}

export interface Transport {
  /** A short human description for logs and errors, e.g. "local" or "ssh root@10.0.0.5:22". */
  readonly description: string;
  /** Runs one command; resolves with its exit code and output whatever the exit code is. */
  exec(request: ExecRequest): Promise<ExecResult>;
  /** Runs a command on a new terminal. */
  spawnPty(request: PtyRequest): Promise<PtySession>;
  /** Starts a long-lived command whose output is read as a stream. */
  spawn(request: SpawnRequest): Promise<SpawnedProcess>;
  /** Opens a stream to a unix socket on the host; with `reader`, its bytes go to the reader. */
  connectSocket(path: string, reader?: SocketReader): Promise<Duplex>;
  /** Releases connections, child processes, terminals and sockets. */
  close(): Promise<void>;
}
