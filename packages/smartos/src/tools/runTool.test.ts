import { describe, expect, it } from 'vitest';

import { isSmartosError, type SmartosError } from '../errors.js';
import { createFakeTransport } from '../transport/fakeTransport.js';
import type { Transport } from '../transport/transport.js';
import { runAndParse, runTool } from './runTool.js';

async function rejection(promise: Promise<unknown>): Promise<SmartosError> {
  try {
    await promise;
  } catch (err) {
    if (isSmartosError(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('runTool', () => {
  it('passes argv, stdin, timeout and signal to the transport', async () => {
    const fake = createFakeTransport([{ argv: ['vmadm', 'create'], stderr: 'Successfully created VM x\n' }]);
    const signal = new AbortController().signal;
    const result = await runTool(fake, {
      argv: ['vmadm', 'create'],
      stdin: '{"alias":"$(x)"}',
      timeoutMs: 5,
      signal,
    });
    expect(result.stderr).toBe('Successfully created VM x\n');
    expect(fake.calls).toEqual([
      { argv: ['vmadm', 'create'], stdin: '{"alias":"$(x)"}', timeoutMs: 5, signal },
    ]);
  });

  it('classifies a non-zero exit', async () => {
    const fake = createFakeTransport([
      { argv: ['vmadm', 'create'], exitCode: 1, stderr: 'Invalid value(s) for: ram,quota\n' },
    ]);
    const err = await rejection(runTool(fake, { argv: ['vmadm', 'create'], timeoutMs: 5 }));
    expect(err).toMatchObject({ code: 'InvalidProperty', properties: ['ram', 'quota'], exitCode: 1 });
  });

  it('reports an unknown command on the fake as CommandNotFound (exit 127)', async () => {
    const err = await rejection(runTool(createFakeTransport(), { argv: ['zfs', 'list'], timeoutMs: 5 }));
    expect(err.code).toBe('CommandNotFound');
  });

  it('keeps SmartosErrors from the transport and wraps anything else', async () => {
    const broken: Transport = {
      ...createFakeTransport(),
      description: 'broken',
      exec: () => Promise.reject(new Error('socket hang up')),
    };
    const err = await rejection(runTool(broken, { argv: ['sysinfo'], timeoutMs: 5 }));
    expect(err).toMatchObject({ code: 'CommandFailed', argv: ['sysinfo'] });
    expect(err.message).toBe('sysinfo could not run on broken: socket hang up');
  });
});

describe('runAndParse', () => {
  it('reports a parser failure as ParseError naming the command', async () => {
    const fake = createFakeTransport([{ argv: ['sysinfo'], stdout: 'garbage' }]);
    const err = await rejection(
      runAndParse(fake, { argv: ['sysinfo'], timeoutMs: 5 }, () => {
        throw new Error('not JSON\nmore');
      }),
    );
    expect(err).toMatchObject({ code: 'ParseError', argv: ['sysinfo'], exitCode: 0 });
    expect(err.message).toBe('could not read the output of sysinfo: not JSON');
  });
});
