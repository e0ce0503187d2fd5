/**
 * One command over an SSH exec channel: the command line from shellQuote's commandLine, stdin
 * written then closed, stdout and stderr collected, exit status (or 128 + N after signal N).
 * On timeout, abort or too much output the remote process group is killed (remotePid.ts)
 * and the channel closed; a connection that drops mid-command fails it with HostUnreachable.
 */
import type { ClientChannel } from 'ssh2';

import { describeArgv, SmartosError } from '../errors.js';
import { exitCodeForSignal } from './exitStatus.js';
import { killRemoteGroup, PidReportFilter, reportingCommandLine } from './remotePid.js';
import type { SshLink } from './sshConnection.js';
import type { ExecRequest, ExecResult } from './transport.js';

export interface SshExecContext {
  link: SshLink;
  description: string;
  maxOutputBytes: number;
  /** When the caller asked (Date.now()): the timeout counts from here, connecting included. */
  startedAt: number;
  /** Registers a stop for transport.close(); returns the unregister function. */
  register(stop: (err: SmartosError) => void): () => void;
}

export function sshExec(ctx: SshExecContext, request: ExecRequest): Promise<ExecResult> {
  const argv = [...request.argv];
  const shown = describeArgv(argv);
  let line: string;
  try {
    line = reportingCommandLine(argv);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return Promise.reject(
      new SmartosError({ code: 'CommandFailed', argv, message: `${shown}: ${message}`, cause }),
    );
  }
  const { client } = ctx.link;

  return new Promise<ExecResult>((resolve, reject) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const pidFilter = new PidReportFilter();
    let channel: ClientChannel | undefined;
    let captured = 0;
    let settled = false;
    let exit: { code: number | null; signal: string | undefined } | undefined;
    let timer: NodeJS.Timeout | undefined;
    let untrack: () => void = () => undefined;
    let unregister: () => void = () => undefined;
    const partialStderr = () => Buffer.concat(stderr).toString('utf8');

    const cleanup = () => {
      if (timer) clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      untrack();
      unregister();
    };
    /** Fails the command; stopRemote kills it on the host too. */
    const fail = (err: SmartosError, stopRemote: boolean) => {
      if (settled) return;
      settled = true;
      cleanup();
      if (stopRemote) killRemote();
      reject(err);
    };
    const killRemote = () => {
      const pid = pidFilter.pid;
      if (pid !== undefined && ctx.link.dropped === undefined) killRemoteGroup(client, pid);
      channel?.close();
    };

    function onAbort() {
      fail(
        new SmartosError({ code: 'Aborted', argv, stderr: partialStderr(), message: `${shown} was aborted` }),
        true,
      );
    }
    untrack = ctx.link.track((err) =>
      fail(
        new SmartosError({
          code: err.code,
          argv,
          stderr: partialStderr(),
          message: `${shown}: ${err.message}`,
          cause: err,
        }),
        false,
      ),
    );
    unregister = ctx.register((err) =>
      fail(new SmartosError({ code: err.code, argv, message: `${shown} was stopped: ${err.message}` }), true),
    );
    if (settled) return; // the link dropped or the transport closed meanwhile
    if (request.timeoutMs !== undefined) {
      const ms = request.timeoutMs;
      const left = Math.max(0, ms - (Date.now() - ctx.startedAt));
      timer = setTimeout(
        () =>
          fail(
            new SmartosError({
              code: 'Timeout',
              argv,
              stderr: partialStderr(),
              message: `${shown} timed out after ${ms} ms`,
            }),
            true,
          ),
        left,
      );
    }
    request.signal?.addEventListener('abort', onAbort, { once: true });
    // aborted while connecting
    if (request.signal?.aborted) onAbort();
    if (settled) return;

    const collect = (sink: Buffer[], chunk: Buffer) => {
      if (settled) return;
      captured += chunk.length;
      if (captured > ctx.maxOutputBytes) {
        const message = `${shown} wrote more than ${ctx.maxOutputBytes} bytes of output; it was stopped`;
        fail(new SmartosError({ code: 'CommandFailed', argv, message }), true);
        return;
      }
      if (chunk.length > 0) sink.push(chunk);
    };

    client.exec(line, (err, opened) => {
      if (err) {
        fail(
          new SmartosError({
            code: ctx.link.dropped ? 'HostUnreachable' : 'CommandFailed',
            argv,
            message: `${shown} could not start on ${ctx.description}: ${err.message}`,
            cause: err,
          }),
          false,
        );
        return;
      }
      channel = opened;
      if (settled) {
        // timed out or aborted while the channel was opening
        opened.close();
        return;
      }
      opened.on('data', (chunk: Buffer) => collect(stdout, chunk));
      opened.stderr.on('data', (chunk: Buffer) => collect(stderr, pidFilter.push(chunk)));
      opened.on('exit', (code: number | null, signal?: string) => {
        exit = { code, signal };
      });
      opened.on('error', () => undefined);
      opened.on('close', () => {
        collect(stderr, pidFilter.end());
        if (settled) return;
        if (exit === undefined) {
          const message = `${shown} ended on ${ctx.description} without an exit status`;
          fail(
            new SmartosError({ code: ctx.link.dropped ? 'HostUnreachable' : 'CommandFailed', argv, message }),
            false,
          );
          return;
        }
        settled = true;
        cleanup();
        resolve({
          exitCode: exit.code ?? exitCodeForSignal(exit.signal),
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        });
      });
      if (request.stdin !== undefined) opened.end(request.stdin, 'utf8');
      else opened.end();
    });
  });
}
