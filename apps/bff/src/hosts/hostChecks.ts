/**
 * How the console finds out whether a host answers, and why not: a probe that only reads the
 * host key a host presents (the connection stops at the key exchange, before authentication,
 * so nothing is sent or run), and a check that runs `true` through a host's own transport.
 */
import type { HostState } from '@zonedeck/api/schemas';
import {
  createSshTransport,
  isSmartosError,
  type SshTransportOptions,
  type Transport,
} from '@zonedeck/smartos';

export interface HostCheck {
  state: HostState;
  message: string | null;
  presentedHostKey: string | null;
}

export type SshTarget = Pick<SshTransportOptions, 'host' | 'port' | 'username'> &
  ({ privateKeyPath: string } | { privateKey: Buffer });

const CHECK_TIMEOUT_MS = 15_000;

/** The host key `target` presents, or why it could not be read. */
export async function probeHostKey(target: SshTarget): Promise<HostCheck> {
  let presented: string | undefined;
  const transport = createSshTransport({
    ...target,
    // Refuse every key: the handshake stops once the host has shown its key.
    onUnknownHostKey: (fingerprint) => {
      presented = fingerprint;
      return false;
    },
    keepaliveIntervalMs: 0,
  });
  try {
    await transport.exec({ argv: ['true'], timeoutMs: CHECK_TIMEOUT_MS });
    // Unreachable: the transport refuses the key before anything runs.
    throw new Error('the probe connection was not refused at the host key');
  } catch (err) {
    if (presented !== undefined) {
      return { state: 'unconfirmed', message: null, presentedHostKey: presented };
    }
    return { ...classify(err, null), presentedHostKey: null };
  } finally {
    await transport.close();
  }
}

/** Runs `true` on the host through its transport (pinned key and all). */
export async function checkTransport(
  transport: Transport & { readonly hostKeyFingerprint?: string | undefined },
  pinned: string | null,
): Promise<HostCheck> {
  try {
    await transport.exec({ argv: ['true'], timeoutMs: CHECK_TIMEOUT_MS });
    return { state: 'connected', message: null, presentedHostKey: transport.hostKeyFingerprint ?? null };
  } catch (err) {
    return { ...classify(err, pinned), presentedHostKey: transport.hostKeyFingerprint ?? null };
  }
}

/** A failed connection's state: key, authentication, or the network. */
export function classify(err: unknown, pinned: string | null): Omit<HostCheck, 'presentedHostKey'> {
  const message = errorText(err);
  if (isSmartosError(err) && err.code === 'HostKeyMismatch') {
    return { state: pinned === null ? 'unconfirmed' : 'hostKeyChanged', message };
  }
  if (causeLevel(err) === 'client-authentication') return { state: 'authFailed', message };
  if (/cannot read the private key|Cannot parse privateKey/i.test(message)) {
    return { state: 'keyUnusable', message };
  }
  return { state: 'unreachable', message };
}

/** ssh2 marks its errors with a `level`; SshTransport wraps them (cause chain). */
function causeLevel(err: unknown): unknown {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const level = (e as { level?: unknown }).level;
    if (level !== undefined) return level;
  }
  return undefined;
}

/** An error's message, or the thrown value in words. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
