import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { cleanupRoots, freshRoot, run } from '../test/simHarness.js';
import { initSim, isSimInitialised, simBinDir, simEnv, simProfiles } from './index.js';

afterAll(cleanupRoots);

describe('package API', () => {
  it('simBinDir holds the executables', () => {
    for (const tool of ['vmadm', 'sysinfo', 'smartos-sim']) accessSync(join(simBinDir, tool), constants.X_OK);
  });

  it('simEnv puts simBinDir first on PATH and names the root', () => {
    const env = simEnv('/some/root', { PATH: '/usr/bin:/bin' });
    expect(env).toEqual({ PATH: `${simBinDir}${delimiter}/usr/bin:/bin`, SMARTOS_SIM_ROOT: '/some/root' });
  });

  it('lists the profiles', () => {
    expect(Object.keys(simProfiles)).toEqual(['office', 'large']);
  });

  it('initSim creates the layout with real zonepaths and refuses to overwrite without force', async () => {
    const root = await freshRoot('office');
    expect(isSimInitialised(root)).toBe(true);
    const uuid = '4cda7281-45e1-4485-8648-848f7211c938';
    const vm = JSON.parse(readFileSync(join(root, 'vms', `${uuid}.json`), 'utf8')) as Record<string, unknown>;
    expect(vm.zonepath).toBe(join(root, 'zones', uuid));
    expect(vm.zfs_filesystem).toBe(`zones/${uuid}`);
    expect(existsSync(join(root, 'zones', uuid, 'root', 'tmp'))).toBe(true);
    await expect(initSim({ root, profile: 'office' })).rejects.toThrow(/already initialised/);
    await expect(initSim({ root, profile: 'office', force: true })).resolves.toBeUndefined();
  });

  it('initSim will not take over a directory that is not the simulator’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smartos-sim-foreign-'));
    try {
      writeFileSync(join(dir, 'precious.txt'), 'keep me');
      await expect(initSim({ root: dir, profile: 'office', force: true })).rejects.toThrow(
        /not a simulator state directory/,
      );
      expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('smartos-sim CLI', () => {
  it('init --root, then reset re-seeds with the same profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smartos-sim-cli-'));
    const root = join(dir, 'host');
    try {
      expect(
        (await run(undefined, ['smartos-sim', 'init', '--profile', 'office', '--root', root])).code,
      ).toBe(0);
      expect((await run(root, ['vmadm', 'stop', '024ab643-ed65-48ab-95f8-5e5976539bfa'])).code).toBe(0);
      const again = await run(undefined, ['smartos-sim', 'init', '--profile', 'office', '--root', root]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already initialised/);
      const reset = await run(root, ['smartos-sim', 'reset']);
      expect(reset).toEqual({ code: 0, stdout: `Reset simulated host "office" in ${root}\n`, stderr: '' });
      expect((await run(root, ['vmadm', 'list', '-H', '-o', 'state', 'state=stopped'])).stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown profile and a missing root', async () => {
    const bad = await run(undefined, ['smartos-sim', 'init', '--profile', 'huge', '--root', '/tmp/x-never']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown profile "huge"/);
    const noRoot = await run(undefined, ['smartos-sim', 'init', '--profile', 'office']);
    expect(noRoot.code).toBe(2);
    expect(noRoot.stderr).toMatch(/no state directory/);
  });
});
