import { describe, expect, it } from 'vitest';

import type { VmDetail } from '@zonedeck/api/schemas';

import { checkNicRows, newNicRow, nicChanges, nicRowsFromVm } from './vmNicEdit';

const kvm: VmDetail = {
  uuid: '6a9d35d3-d522-4310-a724-fc38c59cd7e5',
  brand: 'kvm',
  state: 'running',
  nics: [
    {
      interface: 'net0',
      mac: 'aa:00:00:00:00:01',
      nic_tag: 'admin',
      ips: ['10.0.0.5/24'],
      gateways: ['10.0.0.1'],
      primary: true,
    },
    { interface: 'net1', mac: 'aa:00:00:00:00:02', nic_tag: 'external', ips: ['dhcp'] },
  ],
};

describe('nicRowsFromVm', () => {
  it('reads CIDR and DHCP addresses into the inputs', () => {
    expect(nicRowsFromVm(kvm)).toEqual([
      {
        mac: 'aa:00:00:00:00:01',
        interface: 'net0',
        nicTag: 'admin',
        dhcp: false,
        ip: '10.0.0.5',
        netmask: '255.255.255.0',
        gateway: '10.0.0.1',
        primary: true,
      },
      {
        mac: 'aa:00:00:00:00:02',
        interface: 'net1',
        nicTag: 'external',
        dhcp: true,
        ip: '',
        netmask: '255.255.255.0',
        gateway: '',
        primary: false,
      },
    ]);
  });
});

describe('checkNicRows', () => {
  it('names the field of each problem', () => {
    expect(
      checkNicRows([
        { ...newNicRow(false), nicTag: '' },
        { ...newNicRow(false), nicTag: 'admin', dhcp: false, ip: '10.0.0.300' },
        { ...newNicRow(false), nicTag: 'admin', dhcp: false, ip: '10.0.0.3', netmask: '255.0.255.0' },
      ]),
    ).toEqual([{ nicTag: 'choose a nic tag' }, { ip: 'not an IPv4 address' }, { netmask: 'not a netmask' }]);
  });
});

describe('nicChanges', () => {
  const rows = nicRowsFromVm(kvm);
  it('is empty when nothing changed', () => {
    expect(nicChanges(rows, rows, true)).toEqual({});
  });

  it('moves the primary flag with update_nics', () => {
    const [a, b] = rows;
    if (!a || !b) throw new Error('rows missing');
    expect(
      nicChanges(
        rows,
        [
          { ...a, primary: false },
          { ...b, primary: true },
        ],
        true,
      ),
    ).toEqual({
      update_nics: [{ mac: 'aa:00:00:00:00:02', primary: true }],
    });
  });
});
