// The terminal runner on a real local PTY: exit status, timeout and abort end it as exec would.
import { afterAll, describe, expect, it } from 'vitest';

import { isSmartosError } from '../errors.js';
import { createLocalTransport } from '../transport/localTransport.js';
import { errorText, runImportOnTerminal } from './imgadmImport.js';

const transport = createLocalTransport();
afterAll(() => transport.close());
const ctx = { transport, command: 'imgadm' };

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSmartosError(err)) throw new Error(`expected a SmartosError, got ${String(err)}`);
  return err;
}

describe('imgadm import on a terminal', () => {
  it('a failed import is an error naming imgadm’s error line, not the lines before it', async () => {
    const script =
      'echo "Importing x"; echo "Aborting (boom)"; echo "imgadm import: error (DownloadError): boom" >&2; exit 1';
    const err = await failure(
      runImportOnTerminal(ctx, { argv: ['sh', '-c', script] }, { timeoutMs: 10_000 }),
    );
    expect(err.exitCode).toBe(1);
    expect(err.message).toMatch(/failed with exit code 1: imgadm import: error \(DownloadError\): boom$/);
  });

  it('times out and is aborted like exec', async () => {
    expect(
      await failure(runImportOnTerminal(ctx, { argv: ['sleep', '30'] }, { timeoutMs: 300 })),
    ).toMatchObject({
      code: 'Timeout',
    });
    const abort = new AbortController();
    const run = runImportOnTerminal(
      ctx,
      { argv: ['sleep', '30'] },
      { timeoutMs: 30_000, signal: abort.signal },
    );
    setTimeout(() => abort.abort(), 200);
    expect(await failure(run)).toMatchObject({ code: 'Aborted' });
  });

  it('errorText falls back to the last line', () => {
    expect(errorText('a\nb\n')).toBe('b');
  });
});
