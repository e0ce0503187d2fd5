import { describe, expect, it } from 'vitest';

import { fixture } from '../../test/fixtureFiles.js';
import { isSmartosError } from '../errors.js';
import { VmSummary } from '../model/vm.js';
import { parseVmadmLookupJson } from './vmadmLookup.js';
import { byAlias, vmObjectToSummary } from './vmSummary.js';

const ZONE = '3d6d023b-50f0-42e1-9a84-e1c558c16224';

describe('vmObjectToSummary on captured VM objects', () => {
  it('reads a joyent zone from vmadm get: image, addresses, create time', () => {
    const vm = vmObjectToSummary(
      JSON.parse(fixture('vmadm-get-joyent.json').text) as Record<string, unknown>,
    );
    expect(VmSummary.parse(vm)).toEqual(vm);
    expect(vm).toEqual({
      uuid: '2321c688-e15e-4c6f-bc07-b2f7ff772c18',
      alias: 'DHCP',
      brand: 'joyent',
      state: 'running',
      ramMiB: 64,
      cpuCap: null,
      quotaGiB: 5,
      imageUuid: 'c193a558-1d63-11e9-97cf-97bb3ee5c14f',
      ips: ['192.168.1.5'],
      createdAt: '2019-03-02T10:14:33.201Z',
    });
  });

  it('takes a kvm guest’s image from its disk and its RAM from ram (vmadm lookup -j)', () => {
    const vms = parseVmadmLookupJson(fixture('vmadm-lookup-j-kvm.json').text).map(vmObjectToSummary);
    expect(vms.map((vm) => [vm.alias, vm.ramMiB, vm.imageUuid, vm.ips, vm.createdAt])).toEqual([
      [
        'OCS Inventory NG',
        1024,
        'ac99517a-72ac-44c0-90e6-c7ce3d944a0a',
        ['192.168.1.9'],
        '2019-06-01T14:55:42.870Z',
      ],
      ['elk', 1024, 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a', ['192.168.1.10'], '2020-01-15T12:00:03.412Z'],
    ]);
  });
});

describe('vmObjectToSummary on -o subsets and odd values', () => {
  it('reads ram per brand, 0 and "" as missing, several NICs, DHCP and IPv6', () => {
    const kvm = vmObjectToSummary({
      uuid: ZONE,
      brand: 'kvm',
      state: 'stopped',
      ram: 2048,
      max_physical_memory: 3072,
      cpu_cap: 0,
      quota: 0,
      alias: '',
      nics: [
        { interface: 'net0', ip: 'dhcp', ips: ['dhcp'] },
        { interface: 'net1', ips: ['10.0.0.5/24', 'fd00::5/64'] },
        { interface: 'net2', ip: '10.1.0.9' },
      ],
    });
    expect(kvm).toEqual({
      uuid: ZONE,
      alias: null,
      brand: 'kvm',
      state: 'stopped',
      ramMiB: 2048,
      cpuCap: null,
      quotaGiB: null,
      imageUuid: null,
      ips: ['dhcp', '10.0.0.5', 'fd00::5', '10.1.0.9'],
      createdAt: null,
    });
    const zone = vmObjectToSummary({
      uuid: ZONE,
      brand: 'lx',
      state: 'running',
      ram: 512,
      max_physical_memory: 512,
      cpu_cap: 100,
    });
    expect(zone).toMatchObject({ ramMiB: 512, cpuCap: 100, ips: [] });
  });

  it.each([
    ['an unknown brand', { brand: 'xen' }, /unknown brand "xen"/],
    ['an unknown state', { state: 'melting' }, /unknown state/],
    ['a ram that is not a number', { max_physical_memory: '1.5G' }, /ram is not a whole number/],
    ['no uuid', { uuid: null }, /without a uuid/],
  ])('refuses %s with a ParseError', (_what, change, message) => {
    const base = { uuid: ZONE, brand: 'joyent', state: 'running', max_physical_memory: 256 };
    let caught: unknown;
    try {
      vmObjectToSummary({ ...base, ...change });
    } catch (err) {
      caught = err;
    }
    expect(isSmartosError(caught, 'ParseError')).toBe(true);
    expect(String(caught)).toMatch(message);
  });
});

describe('byAlias', () => {
  it('sorts as vmadm -s alias: upper-case before lower-case, no alias last', () => {
    const vm = (alias: string | null) =>
      vmObjectToSummary({ uuid: ZONE, brand: 'joyent', state: 'running', alias });
    const sorted = [vm('samba'), vm(null), vm('DHCP'), vm('elk'), vm('MySQL')].sort(byAlias);
    expect(sorted.map((v) => v.alias)).toEqual(['DHCP', 'MySQL', 'elk', 'samba', null]);
  });
});
