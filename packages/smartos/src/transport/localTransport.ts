/**
 * LocalTransport: runs commands on this machine (the global zone, or the simulator) with
 * child_process.spawn. argv goes straight to execve: no shell ever parses it. Terminals are
 * node-pty (localPty.ts), sockets are net.connect to a unix socket path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';

import { describeArgv, SmartosError } from '../errors.js';
import { exitCodeForSignal } from './exitStatus.js';
import { spawnLocalPty } from './localPty.js';
import { killGroup, spawnLocal } from './localSpawn.js';
import type { ExecRequest, ExecResult, SocketReader, Transport } from './transport.js';

export interface LocalTransportOptions {
  /** Added to (and overriding) process.env for every command, e.g. the simulator's PATH. */
  env?: Record<string, string>;
  /** Cap on captured stdout + stderr per command; beyond it the command is killed. Default 64 MiB. */
  maxOutputBytes?: number;
}

export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export function createLocalTransport(opts: LocalTransportOptions = {}): Transport {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  const maxOutputBytes = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const running = new Set<() => void>();
  let closed = false;

  const isClosed = (argv: readonly string[] = []) =>
    closed
      ? new SmartosError({ code: 'Aborted', argv, message: 'the local transport is closed' })
      : undefined;

  return {
    description: 'local',
    exec(request) {
      const err = isClosed(request.argv);
      if (err) return Promise.reject(err);
      return execLocal(request, env, maxOutputBytes, running);
    },
    spawnPty(request) {
      // a throw in here (closed, bad size or env) becomes the rejection
      return new Promise((resolve) => {
        const err = isClosed(request.argv);
        if (err) throw err;
        const { session, stop, ended } = spawnLocalPty(request, env);
        running.add(stop);
        void ended.then(() => running.delete(stop));
        resolve(session);
      });
    },
    spawn(request) {
      const err = isClosed(request.argv);
      if (err) return Promise.reject(err);
      return spawnLocal(request, env, (stop) => {
        running.add(stop);
        return () => running.delete(stop);
      });
    },
    async connectSocket(path, reader) {
      const err = isClosed();
      if (err) throw err;
      const socket = await connectUnixSocket(path, reader);
      const stop = () => socket.destroy();
      running.add(stop);
      socket.once('close', () => running.delete(stop));
      return socket;
    },
    close() {
      closed = true;
      for (const stop of [...running]) stop();
      return Promise.resolve();
    },
  };
}

function connectUnixSocket(path: string, reader: SocketReader | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const onread = reader && {
      buffer: () => reader.nextBuffer(),
      callback: (n: number, buf: Uint8Array) => reader.onRead(Buffer.from(buf.buffer, buf.byteOffset, n)),
    };
    const socket = connect({ path, onread });
    const onError = (cause: Error) =>
      reject(
        new SmartosError({
          code: 'CommandFailed',
          message: `could not connect to ${path}: ${cause.message}`,
          cause,
        }),
      );
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      // Reads go to the reader; flowing mode lets the readable side end ('end', then 'close').
      if (reader) socket.resume();
      resolve(socket);
    });
  });
}

function execLocal(
  request: ExecRequest,
  env: NodeJS.ProcessEnv,
  maxOutputBytes: number,
  running: Set<() => void>,
): Promise<ExecResult> {
  const argv = [...request.argv];
  const command = argv[0];
  const shown = describeArgv(argv);

  return new Promise<ExecResult>((resolve, reject) => {
    if (command === undefined || command === '') {
      reject(new SmartosError({ code: 'CommandFailed', argv, message: 'exec needs a non-empty argv' }));
      return;
    }
    if (request.signal?.aborted) {
      reject(new SmartosError({ code: 'Aborted', argv, message: `${shown} was aborted before it started` }));
      return;
    }

    let child: ChildProcess;
    try {
      child = spawn(command, argv.slice(1), {
        shell: false,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
        // Own process group, so a timeout or abort also kills what the command started.
        detached: true,
        windowsHide: true,
      });
    } catch (cause) {
      // e.g. an argument containing a NUL byte
      reject(new SmartosError({ code: 'CommandFailed', argv, message: `${shown} could not start`, cause }));
      return;
    }

    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let captured = 0;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const cleanup = () => {
      if (timer) clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      running.delete(onClose);
    };
    const fail = (err: SmartosError) => {
      if (settled) return;
      settled = true;
      cleanup();
      killGroup(child);
      reject(err);
    };
    const partialStderr = () => Buffer.concat(stderr).toString('utf8');

    function onAbort() {
      fail(
        new SmartosError({ code: 'Aborted', argv, stderr: partialStderr(), message: `${shown} was aborted` }),
      );
    }
    function onClose() {
      fail(
        new SmartosError({ code: 'Aborted', argv, message: `${shown} was stopped: the transport closed` }),
      );
    }

    const collect = (sink: Buffer[]) => (chunk: Buffer) => {
      if (settled) return;
      captured += chunk.length;
      if (captured > maxOutputBytes) {
        fail(
          new SmartosError({
            code: 'CommandFailed',
            argv,
            message: `${shown} wrote more than ${maxOutputBytes} bytes of output; it was stopped`,
          }),
        );
        return;
      }
      sink.push(chunk);
    };
    child.stdout?.on('data', collect(stdout));
    child.stderr?.on('data', collect(stderr));

    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        fail(
          new SmartosError({
            code: 'CommandNotFound',
            argv,
            message: `command not found: ${command}`,
            cause: err,
          }),
        );
      } else {
        fail(
          new SmartosError({
            code: 'CommandFailed',
            argv,
            message: `${shown} could not run: ${err.message}`,
            cause: err,
          }),
        );
      }
    });

    child.on('close', (code, signal) => {
      if (settled) return;
      settled = true;
      cleanup();
      resolve({
        exitCode: code ?? exitCodeForSignal(signal),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });

    if (request.timeoutMs !== undefined) {
      const ms = request.timeoutMs;
      timer = setTimeout(() => {
        fail(
          new SmartosError({
            code: 'Timeout',
            argv,
            stderr: partialStderr(),
            message: `${shown} timed out after ${ms} ms`,
          }),
        );
      }, ms);
    }
    request.signal?.addEventListener('abort', onAbort, { once: true });
    running.add(onClose);

    // The command may exit without reading its input: ignore EPIPE on stdin.
    child.stdin?.on('error', () => undefined);
    if (request.stdin !== undefined) child.stdin?.end(request.stdin, 'utf8');
    else child.stdin?.end();
  });
}
