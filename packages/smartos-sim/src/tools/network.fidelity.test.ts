// dladm and nictagadm on a fresh office host, run as the real executables, against the fixtures.
import { afterAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixtureArgv, freshRoot, run } from '../../test/simHarness.js';
import { ofmtLine } from './dladm/ofmt.js';

afterAll(cleanupRoots);

const FIXTURES = [
  'dladm-show-phys.txt',
  'dladm-show-phys-p.txt',
  'dladm-show-vnic.txt',
  'dladm-show-vnic-p.txt',
  'dladm-show-link-p.txt',
  'nictagadm-list.txt',
  'nictagadm-list-p.txt',
  'nictagadm-list-p-d-comma.txt',
];

describe('dladm and nictagadm print the fixtures byte for byte', () => {
  it.each(FIXTURES)('%s', async (name) => {
    const root = await freshRoot('office');
    const result = await run(root, fixtureArgv(name));
    expect(result).toEqual({ code: 0, stdout: fixture(name), stderr: '' });
  });
});

describe('dladm', () => {
  it('prints show-link as a table with -- for empty BRIDGE and OVER', async () => {
    const root = await freshRoot('office');
    const { stdout } = await run(root, ['dladm', 'show-link']);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      'LINK        CLASS     MTU    STATE    BRIDGE     OVER',
      'bge0        phys      1500   up       --         --',
      'bge1        phys      1500   down     --         --',
      'z2_0        vnic      1500   up       --         bge0',
    ]);
  });

  it('drops the VNIC of a stopped zone and shows one link on request', async () => {
    const root = await freshRoot('office');
    expect((await run(root, ['vmadm', 'stop', '3d6d023b-50f0-42e1-9a84-e1c558c16224'])).code).toBe(0);
    const { stdout } = await run(root, ['dladm', 'show-vnic', '-p', '-o', 'link']);
    expect(stdout).toBe('z2_0\nz3_0\nz4_0\nz6_0\nz7_0\n');
    expect((await run(root, ['dladm', 'show-phys', '-p', '-o', 'link,state', 'bge1'])).stdout).toBe(
      'bge1:down\n',
    );
  });

  it('reports usage errors like dladm', async () => {
    const root = await freshRoot('office');
    expect(await run(root, ['dladm', 'show-vnic', '-p'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'dladm: -p requires -o\n',
    });
    expect((await run(root, ['dladm', 'show-phys', 'nope0'])).stderr).toBe(
      'dladm: link nope0 is not valid: object not found\n',
    );
    expect((await run(root, ['dladm', 'show-bogus'])).code).toBe(1);
  });

  it('carries libofmt overflow into the next field', () => {
    const fields = [
      { name: 'LINK', width: 13 },
      { name: 'OVER', width: 13 },
      { name: 'SPEED', width: 7 },
    ];
    expect(ofmtLine(['averylongvnicname0', 'ixgbe0', '10000'], fields, false)).toBe(
      'averylongvnicname0 ixgbe0 10000',
    );
    expect(ofmtLine(['a:b\\c', 'd'], fields, true)).toBe('a\\:b\\\\c:d');
    expect(ofmtLine(['a:b'], fields, true)).toBe('a:b');
  });
});
