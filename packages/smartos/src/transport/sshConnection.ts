/**
 * SshTransport's one connection: opened lazily by the first call, shared (multiplexed) by
 * every channel, kept alive with SSH keepalives, and opened again by the next call after it
 * dropped. Work running on a connection that drops fails with HostUnreachable.
 */
import { readFile } from 'node:fs/promises';

import { Client, type ConnectConfig, type VerifyCallback } from 'ssh2';

import { SmartosError } from '../errors.js';
import { checkHostKey, sha256Fingerprint, type HostKeyPolicy } from './hostKey.js';

export interface SshTransportOptions extends HostKeyPolicy {
  host: string;
  /** Default 22. */
  port?: number;
  username: string;
  /** The client key (OpenSSH or PEM format). Give this or privateKeyPath. */
  privateKey?: Buffer | string;
  /** Read when connecting. */
  privateKeyPath?: string;
  passphrase?: string;
  /** SSH keepalive period; the link counts as dropped after 3 unanswered. Default 15 s; 0 disables. */
  keepaliveIntervalMs?: number;
  /** Limit for TCP connect plus the SSH handshake and authentication. Default 10 s. */
  connectTimeoutMs?: number;
}

export const DEFAULT_KEEPALIVE_INTERVAL_MS = 15_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** One open connection. */
export interface SshLink {
  readonly client: Client;
  /** Set once the connection has closed; channels on it are gone. */
  readonly dropped: SmartosError | undefined;
  /** Calls fail(err) if the connection drops; the returned function unregisters. */
  track(fail: (err: SmartosError) => void): () => void;
}

export interface SshConnector {
  readonly description: string;
  /** The fingerprint the host presented at the last handshake. */
  readonly hostKeyFingerprint: string | undefined;
  /** The open connection, opening one first if there is none. */
  link(): Promise<SshLink>;
  /** Ends the connection (tracked work fails with err); later link() calls reject. */
  close(err: SmartosError): void;
}

export function createSshConnector(opts: SshTransportOptions): SshConnector {
  if ((opts.privateKey === undefined) === (opts.privateKeyPath === undefined)) {
    throw new TypeError('createSshTransport needs exactly one of privateKey and privateKeyPath');
  }
  const port = opts.port ?? 22;
  const description = `ssh ${opts.username}@${opts.host}:${port}`;
  // Trust on first use pins the confirmed key here, for every later reconnection.
  const policy: HostKeyPolicy = { ...opts };
  let seenFingerprint: string | undefined;
  let current: Promise<SshLink> | undefined;
  let closedWith: SmartosError | undefined;
  const clients = new Set<Client>();

  const connect = (privateKey: Buffer | string): Promise<SshLink> =>
    new Promise<SshLink>((resolve, reject) => {
      const client = new Client();
      clients.add(client);
      const tracked = new Set<(err: SmartosError) => void>();
      let ready = false;
      let refused: SmartosError | undefined;
      let lastError: Error | undefined;
      const link: { client: Client; dropped: SmartosError | undefined; track: SshLink['track'] } = {
        client,
        dropped: undefined,
        track(fail) {
          if (link.dropped) {
            fail(link.dropped);
            return () => undefined;
          }
          tracked.add(fail);
          return () => tracked.delete(fail);
        },
      };

      const hostVerifier = (key: Buffer, verify: VerifyCallback): void => {
        const seen = sha256Fingerprint(key);
        seenFingerprint = seen;
        void checkHostKey(policy, seen, description).then((err) => {
          if (err === undefined && policy.knownHostKey === undefined) policy.knownHostKey = seen;
          refused = err;
          verify(err === undefined);
        });
      };

      client.on('ready', () => {
        ready = true;
        if (closedWith) {
          client.destroy();
          reject(closedWith);
        } else {
          resolve(link);
        }
      });
      // after 'error' comes 'close', which decides
      client.on('error', (err) => (lastError = err));
      client.on('close', () => {
        clients.delete(client);
        if (!ready) {
          reject(closedWith ?? refused ?? connectError(lastError, description));
          return;
        }
        link.dropped = closedWith ?? droppedError(lastError, description);
        for (const fail of [...tracked]) fail(link.dropped);
        tracked.clear();
      });

      const config: ConnectConfig = {
        host: opts.host,
        port,
        username: opts.username,
        privateKey,
        hostVerifier,
        readyTimeout: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        keepaliveInterval: opts.keepaliveIntervalMs ?? DEFAULT_KEEPALIVE_INTERVAL_MS,
        keepaliveCountMax: 3,
      };
      if (opts.passphrase !== undefined) config.passphrase = opts.passphrase;
      try {
        client.connect(config);
      } catch (cause) {
        // e.g. a key ssh2 cannot parse, or a wrong passphrase
        clients.delete(client);
        reject(
          new SmartosError({
            code: 'HostUnreachable',
            message: `${description}: ${errorText(cause)}`,
            cause,
          }),
        );
      }
    });

  const open = async (): Promise<SshLink> =>
    connect(opts.privateKey ?? (await readKey(opts.privateKeyPath ?? '', description)));

  return {
    description,
    get hostKeyFingerprint() {
      return seenFingerprint;
    },
    link() {
      if (closedWith) return Promise.reject(closedWith);
      if (current === undefined) {
        const attempt = open();
        current = attempt;
        // after a failure or a drop, the next call opens a new connection
        const forget = () => {
          if (current === attempt) current = undefined;
        };
        attempt.then((link) => link.track(forget), forget);
      }
      return current;
    },
    close(err) {
      closedWith = err;
      current = undefined;
      for (const client of clients) {
        client.end();
        // a link that does not answer the disconnect is cut
        setTimeout(() => client.destroy(), 2000).unref();
      }
    },
  };
}

async function readKey(path: string, description: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new SmartosError({
      code: 'HostUnreachable',
      message: `${description}: cannot read the private key ${path}: ${errorText(cause)}`,
      cause,
    });
  }
}

/** Why a connection never became ready: refused, timed out, no route, authentication. */
function connectError(err: Error | undefined, description: string): SmartosError {
  const level = (err as { level?: unknown } | undefined)?.level;
  const reason =
    level === 'client-authentication'
      ? `the host did not accept the key (${err?.message ?? 'authentication failed'})`
      : level === 'client-timeout'
        ? `no SSH handshake within the connect timeout`
        : (err?.message ?? 'the connection closed during the handshake');
  return new SmartosError({
    code: 'HostUnreachable',
    message: `cannot connect to ${description}: ${reason}`,
    cause: err,
  });
}

function droppedError(err: Error | undefined, description: string): SmartosError {
  return new SmartosError({
    code: 'HostUnreachable',
    message: `the connection to ${description} dropped${err ? `: ${err.message}` : ''}`,
    cause: err,
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
