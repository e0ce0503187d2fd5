/**
 * SshTransport's streamed commands: an exec channel (no terminal) whose command line reports
 * the remote shell's pid before exec-ing argv (remotePid.ts), so kill() ends the remote
 * process group. A connection that drops ends the process with HostUnreachable.
 */
import { describeArgv, SmartosError } from '../errors.js';
import { exitCodeForSignal } from './exitStatus.js';
import { killRemoteGroup, PidReportFilter, reportingCommandLine } from './remotePid.js';
import { createProcessHandle } from './spawnedProcess.js';
import type { SshLink } from './sshConnection.js';
import type { SpawnedProcess, SpawnRequest } from './transport.js';

export interface SshSpawnContext {
  link: SshLink;
  description: string;
  /** Registers a stop for transport.close(); returns the unregister function. */
  register(stop: (err: SmartosError) => void): () => void;
}

export function sshSpawn(ctx: SshSpawnContext, request: SpawnRequest): Promise<SpawnedProcess> {
  const argv = [...request.argv];
  const shown = describeArgv(argv);
  const { client } = ctx.link;
  return new Promise((resolve, reject) => {
    let line: string;
    try {
      line = reportingCommandLine(argv);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new SmartosError({ code: 'CommandFailed', argv, message: `${shown}: ${message}`, cause });
    }
    client.exec(line, (err, channel) => {
      if (err) {
        const code = ctx.link.dropped ? 'HostUnreachable' : 'CommandFailed';
        const message = `${shown} could not start on ${ctx.description}: ${err.message}`;
        reject(new SmartosError({ code, argv, message, cause: err }));
        return;
      }
      const pidFilter = new PidReportFilter();
      let exit: { code: number | null; signal: string | undefined } | undefined;
      const kill = () => {
        const pid = pidFilter.pid;
        if (pid !== undefined && ctx.link.dropped === undefined) killRemoteGroup(client, pid);
        channel.close();
      };
      const handle = createProcessHandle(kill);
      let untrack: () => void = () => undefined;
      let unregister: () => void = () => undefined;
      const end = (error?: SmartosError) => {
        untrack();
        unregister();
        handle.stderr(pidFilter.end());
        handle.exit(
          error ? { exitCode: null, error } : { exitCode: exit?.code ?? exitCodeForSignal(exit?.signal) },
        );
      };
      untrack = ctx.link.track((cause) =>
        end(new SmartosError({ code: cause.code, argv, message: `${shown}: ${cause.message}`, cause })),
      );
      unregister = ctx.register((cause) => {
        kill();
        end(new SmartosError({ code: cause.code, argv, message: `${shown} was stopped: ${cause.message}` }));
      });
      channel.on('data', (chunk: Buffer) => handle.stdout(chunk));
      channel.stderr.on('data', (chunk: Buffer) => handle.stderr(pidFilter.push(chunk)));
      channel.on('exit', (code: number | null, signal?: string) => {
        exit = { code, signal };
      });
      channel.on('error', () => undefined);
      channel.on('close', () => {
        if (exit !== undefined) return end();
        const message = `${shown} ended on ${ctx.description} without an exit status`;
        end(
          new SmartosError({ code: ctx.link.dropped ? 'HostUnreachable' : 'CommandFailed', argv, message }),
        );
      });
      channel.end();
      resolve(handle.process);
      if (handle.ended) channel.close(); // the link dropped or the transport closed meanwhile
    });
  });
}
