/**
 * SshTransport: the Transport over SSH (ssh2), for a console that runs away from its hosts.
 * One multiplexed connection per transport (sshConnection.ts), opened by the first call and
 * again by the next call after a drop. Commands go as one command line built only by
 * shellQuote's commandLine (sshExec.ts), terminals are exec channels with a pty (sshPty.ts),
 * and unix sockets are reached with OpenSSH's direct-streamlocal channels.
 */
import type { Duplex } from 'node:stream';

import { describeArgv, SmartosError } from '../errors.js';
import { createSshConnector, type SshLink, type SshTransportOptions } from './sshConnection.js';
import { sshExec } from './sshExec.js';
import { spawnSshPty } from './sshPty.js';
import { sshSpawn } from './sshSpawn.js';
import type { Transport } from './transport.js';

export type { SshTransportOptions } from './sshConnection.js';

export interface SshTransport extends Transport {
  /**
   * The fingerprint ('SHA256:…') the host presented at the last handshake, trusted or not;
   * undefined before the first. After a confirmed first use, store it as knownHostKey.
   */
  readonly hostKeyFingerprint: string | undefined;
}

export interface SshTransportLimits {
  /** Cap on captured stdout + stderr per command; beyond it the command is killed. Default 64 MiB. */
  maxOutputBytes?: number;
}

export function createSshTransport(opts: SshTransportOptions & SshTransportLimits): SshTransport {
  const connector = createSshConnector(opts);
  const description = connector.description;
  const maxOutputBytes = opts.maxOutputBytes ?? 64 * 1024 * 1024;
  const running = new Set<(err: SmartosError) => void>();
  const register = (stop: (err: SmartosError) => void) => {
    running.add(stop);
    return () => running.delete(stop);
  };

  /** The connection, with its failure reported as the caller's (argv named). */
  const link = async (argv: readonly string[] = []): Promise<SshLink> => {
    try {
      return await connector.link();
    } catch (err) {
      if (!(err instanceof SmartosError)) throw err;
      throw new SmartosError({ code: err.code, argv, message: err.message, cause: err });
    }
  };

  return {
    description,
    get hostKeyFingerprint() {
      return connector.hostKeyFingerprint;
    },
    async exec(request) {
      const startedAt = Date.now();
      if (request.signal?.aborted) {
        const message = `${describeArgv(request.argv)} was aborted before it started`;
        throw new SmartosError({ code: 'Aborted', argv: request.argv, message });
      }
      const open = await link(request.argv);
      return sshExec({ link: open, description, maxOutputBytes, startedAt, register }, request);
    },
    async spawnPty(request) {
      return spawnSshPty(await link(request.argv), request, (stop) => register(() => stop()));
    },
    async spawn(request) {
      return sshSpawn({ link: await link(request.argv), description, register }, request);
    },
    async connectSocket(path, reader) {
      const open = await link();
      return new Promise<Duplex>((resolve, reject) => {
        open.client.openssh_forwardOutStreamLocal(path, (err, channel) => {
          if (err) {
            const message = `could not connect to ${path} on ${description}: ${err.message}`;
            // read now: the link may have dropped while the channel was opening
            const code = open.dropped ? 'HostUnreachable' : 'CommandFailed';
            reject(new SmartosError({ code, message, cause: err }));
            return;
          }
          const unregister = register(() => channel.destroy());
          channel.once('close', unregister);
          // An SSH channel cannot read in place: the reader gets its chunks as they come.
          if (reader) channel.on('data', (chunk: Buffer) => reader.onRead(chunk) || channel.pause());
          resolve(channel);
        });
      });
    },
    close() {
      const err = new SmartosError({ code: 'Aborted', message: `the transport to ${description} is closed` });
      for (const stop of [...running]) stop(err);
      connector.close(err);
      return Promise.resolve();
    },
  };
}
