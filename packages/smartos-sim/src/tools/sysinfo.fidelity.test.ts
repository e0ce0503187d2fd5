import { afterAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixtureArgv, freshRoot, run } from '../../test/simHarness.js';

afterAll(cleanupRoots);

describe('sysinfo', () => {
  it('prints fixtures/sysinfo.json byte for byte on the office host', async () => {
    const root = await freshRoot('office');
    const result = await run(root, fixtureArgv('sysinfo.json'));
    expect(result.stdout).toBe(fixture('sysinfo.json'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('lists VNICs of running zones only: a stopped zone loses its z<zoneid>_0', async () => {
    const root = await freshRoot('office');
    expect((await run(root, ['vmadm', 'stop', '3d6d023b-50f0-42e1-9a84-e1c558c16224'])).code).toBe(0);
    const out = (await run(root, ['sysinfo'])).stdout;
    expect(out).not.toContain('"z5_0"');
    expect(out).toContain(
      '    "z4_0": {"MAC Address": "b6:0e:97:5a:22:cd", "ip4addr": "", "Link Status": "up", "Host Interface": "bge0"},\n',
    );
    const parsed = JSON.parse(out) as Record<string, Record<string, unknown>>;
    expect(Object.keys(parsed['Virtual Network Interfaces'] ?? {})).toEqual([
      'z2_0',
      'z3_0',
      'z4_0',
      'z6_0',
      'z7_0',
    ]);
  });

  it('rejects an unknown option like getopts does', async () => {
    const root = await freshRoot('office');
    const result = await run(root, ['sysinfo', '-x']);
    expect(result).toEqual({
      code: 2,
      stdout: 'Usage: /usr/bin/sysinfo: [-f] [-p] [-u]\n',
      stderr: '/usr/bin/sysinfo: illegal option -- x\n',
    });
  });

  it('-u updates the cache only: no output', async () => {
    const root = await freshRoot('office');
    expect(await run(root, ['sysinfo', '-u'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
