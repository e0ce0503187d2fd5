import { describe, expect, it } from 'vitest';

import { fixture } from '../../test/fixtureFiles.js';
import { isSmartosError } from '../errors.js';
import { VmSummary } from '../model/vm.js';
import { parseVmadmListParsable } from './vmadmList.js';
import { rowToVmSummary } from './vmSummary.js';

describe('rowToVmSummary', () => {
  const { argv, text } = fixture('vmadm-list-p-o-custom.txt');
  const fields = argv[argv.indexOf('-o') + 1]?.split(',') ?? [];
  const vms = parseVmadmListParsable(text, fields).map(rowToVmSummary);

  it('maps the office host rows to the model', () => {
    expect(vms).toHaveLength(6);
    for (const vm of vms) expect(VmSummary.parse(vm)).toEqual(vm);
    expect(vms.find((vm) => vm.alias === 'DHCP')).toEqual({
      uuid: '2321c688-e15e-4c6f-bc07-b2f7ff772c18',
      alias: 'DHCP',
      brand: 'joyent',
      state: 'running',
      ramMiB: 64,
      cpuCap: null,
      quotaGiB: 5,
      imageUuid: null,
    });
    expect(vms.find((vm) => vm.alias === 'MySQL-PerconaDB')?.cpuCap).toBe(200);
    expect(vms.filter((vm) => vm.brand === 'kvm').map((vm) => vm.alias)).toEqual(['OCS Inventory NG', 'elk']);
  });

  const row = {
    uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
    brand: 'bhyve',
    state: 'stopped',
    ram: '2048',
    cpu_cap: '0',
    quota: null,
    image_uuid: 'c193a558-1d63-11e9-97cf-97bb3ee5c14f',
    alias: null,
  };

  it('reads a cap or quota of 0 or nothing as null, and no alias as null', () => {
    expect(rowToVmSummary(row)).toEqual({
      uuid: row.uuid,
      alias: null,
      brand: 'bhyve',
      state: 'stopped',
      ramMiB: 2048,
      cpuCap: null,
      quotaGiB: null,
      imageUuid: 'c193a558-1d63-11e9-97cf-97bb3ee5c14f',
    });
  });

  it.each([
    ['an unknown brand', { brand: 'xen' }, /unknown brand "xen"/],
    ['an unknown state', { state: 'melting' }, /unknown state/],
    ['a ram that is not a number', { ram: '1.5G' }, /ram is not a whole number/],
    ['no uuid', { uuid: null }, /without a uuid/],
  ])('refuses %s with a ParseError', (_what, change, message) => {
    let caught: unknown;
    try {
      rowToVmSummary({ ...row, ...change });
    } catch (err) {
      caught = err;
    }
    expect(isSmartosError(caught, 'ParseError')).toBe(true);
    expect(String(caught)).toMatch(message);
  });
});
