/**
 * Option-looking and markup names through the real driver and the simulated host's real vmadm:
 * an alias or hostname such as `-oProxyCommand=…` travels as JSON on stdin and comes back
 * verbatim; operands that go on the command line refuse a leading `-`.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { initSim, simEnv } from '@zonedeck/smartos-sim';

import { isSmartosError } from './errors.js';
import { createHostDriver, type HostDriver } from './hostDriver.js';
import { createLocalTransport } from './transport/localTransport.js';

const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';
const scratch = mkdtempSync(join(tmpdir(), 'zonedeck-hostile-names-'));
let driver: HostDriver;

beforeAll(async () => {
  const root = join(scratch, 'sim');
  await initSim({ root, profile: 'office' });
  driver = createHostDriver(createLocalTransport({ env: simEnv(root) }));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('hostile VM names', () => {
  it('stores option-looking and markup aliases and hostnames verbatim, running nothing', async () => {
    const names = [
      `-oProxyCommand=touch ${scratch}/pwned-alias`,
      '--help',
      '-F',
      `$(touch ${scratch}/pwned-subst)`,
      `<img src=x onerror=alert(1)>`,
    ];
    for (const alias of names) {
      await driver.updateVm(DHCP, { alias, hostname: alias.slice(0, 60) });
      const vm = await driver.getVm(DHCP);
      expect(vm.alias).toBe(alias);
      expect((await driver.listVms()).find((v) => v.uuid === DHCP)?.alias).toBe(alias);
    }
    expect(readdirSync(scratch).filter((f) => f.startsWith('pwned'))).toEqual([]);
  });

  it('refuses an option-looking snapshot name before running zfs or vmadm', async () => {
    let error: unknown;
    try {
      await driver.createSnapshot(DHCP, '-oProxyCommand=x');
    } catch (err) {
      error = err;
    }
    expect(isSmartosError(error)).toBe(true);
    expect(existsSync(join(scratch, 'pwned-snapshot'))).toBe(false);
  });
});
