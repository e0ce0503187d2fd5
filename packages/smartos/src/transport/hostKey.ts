/**
 * Host key checks for SshTransport: the fingerprint as OpenSSH prints it, and the decision
 * ssh2's hostVerifier needs (pinned key, or trust on first use after a confirmation).
 */
import { createHash } from 'node:crypto';

import { SmartosError } from '../errors.js';

/** 'SHA256:' + unpadded base64 of the key blob's SHA-256, as `ssh-keygen -l` prints it. */
export function sha256Fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

export interface HostKeyPolicy {
  /** The pinned fingerprint; nothing else is accepted when set. */
  knownHostKey?: string;
  /** Asked when nothing is pinned; true trusts (and pins) the key for this transport. */
  onUnknownHostKey?: (fingerprint: string) => Promise<boolean> | boolean;
}

/**
 * Decides whether to trust a presented key. Resolves undefined to go on, or the
 * HostKeyMismatch error to fail the connection with (nothing runs then).
 */
export async function checkHostKey(
  policy: HostKeyPolicy,
  seen: string,
  where: string,
): Promise<SmartosError | undefined> {
  if (policy.knownHostKey !== undefined) {
    if (policy.knownHostKey === seen) return undefined;
    return new SmartosError({
      code: 'HostKeyMismatch',
      message: `the host key of ${where} has changed: expected ${policy.knownHostKey}, the host presented ${seen}`,
    });
  }
  if (policy.onUnknownHostKey === undefined) {
    return new SmartosError({
      code: 'HostKeyMismatch',
      message: `the host key ${seen} of ${where} is not pinned, and nothing was asked to confirm it`,
    });
  }
  let trusted: boolean;
  try {
    trusted = await policy.onUnknownHostKey(seen);
  } catch (cause) {
    return new SmartosError({
      code: 'HostKeyMismatch',
      message: `the host key ${seen} of ${where} could not be confirmed`,
      cause,
    });
  }
  if (trusted) return undefined;
  return new SmartosError({
    code: 'HostKeyMismatch',
    message: `the host key ${seen} of ${where} was not confirmed`,
  });
}
