import { readFile } from 'node:fs/promises';

import { TRPCError } from '@trpc/server';
// ssh2 is CommonJS: Node's ESM loader does not see `utils` as a named export of the bundle.
import ssh2 from 'ssh2';
import { z } from 'zod';

import type { AddHostInput } from '@zonedeck/api/schemas';

/**
 * A BAD_REQUEST whose zodError names `field`, as the forms show it (trpc.ts errorFormatter).
 * ZodRealError, what zod's parse throws, is an Error, so tRPC keeps it as the cause.
 */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({
    code: 'BAD_REQUEST',
    message: `${field}: ${message}`,
    cause: new z.ZodRealError([{ code: 'custom', path: [field], message, input: undefined }]),
  });
}

/**
 * The private key of an add-host request, checked to be one ssh can use (a private key without
 * a passphrase). A path is read now, to tell the admin at once; its text never appears in
 * errors. Resolves with the path or the pasted key's bytes.
 */
export async function privateKeyOf(
  input: AddHostInput,
): Promise<{ source: 'path'; path: string } | { source: 'pasted'; privateKey: Buffer }> {
  if (input.keySource === 'path') {
    const keyPath = (input.keyPath ?? '').trim();
    let data: Buffer;
    try {
      data = await readFile(keyPath);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      throw fieldError('keyPath', `cannot read ${keyPath} on the console’s machine (${code})`);
    }
    const problem = keyProblem(data);
    if (problem) throw fieldError('keyPath', `${keyPath}: ${problem}`);
    return { source: 'path', path: keyPath };
  }
  const privateKey = Buffer.from(`${(input.privateKey ?? '').trim()}\n`, 'utf8');
  const problem = keyProblem(privateKey);
  if (problem) throw fieldError('privateKey', problem);
  return { source: 'pasted', privateKey };
}

function keyProblem(data: Buffer): string | null {
  const parsed = ssh2.utils.parseKey(data);
  if (parsed instanceof Error) {
    return /passphrase/i.test(parsed.message)
      ? 'the key is protected by a passphrase; give a key without one'
      : 'not a private key ssh can use (OpenSSH or PEM format)';
  }
  const key = Array.isArray(parsed) ? (parsed as unknown[])[0] : parsed;
  if (!(key as { isPrivateKey?: () => boolean } | undefined)?.isPrivateKey?.()) {
    return 'this is a public key; give the private key';
  }
  return null;
}
