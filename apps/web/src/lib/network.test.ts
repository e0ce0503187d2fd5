import { describe, expect, it } from 'vitest';

import type { VmSummary } from '@zonedeck/api/schemas';

import { formatSpeed, physRows, vnicsByVm } from './network';
import { testVm } from './testVm';

const SAMBA = '153831fc-2af9-44c8-9ba5-fad507337cc2';
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';

function vm(uuid: string, alias: string): VmSummary {
  return testVm({ uuid, alias, ramMiB: 256 });
}

describe('physRows', () => {
  it('joins dladm, sysinfo and nictagadm by link name', () => {
    const rows = physRows(
      [
        { link: 'bge0', state: 'up', speedMbps: 1000, duplex: 'full', media: 'Ethernet' },
        { link: 'bge1', state: 'down', speedMbps: 0, duplex: 'unknown', media: 'Ethernet' },
      ],
      [{ name: 'bge0', mac: '9c:b6:54:bb:c3:3c', ip4addr: '192.168.1.10', linkUp: true, nicTags: ['admin'] }],
      [
        { name: 'admin', mac: '9c:b6:54:bb:c3:3c', link: 'bge0', type: 'normal' },
        { name: 'external', mac: null, link: 'bge0', type: 'normal' },
      ],
    );
    expect(rows[0]).toEqual({
      link: 'bge0',
      state: 'up',
      speedMbps: 1000,
      duplex: 'full',
      media: 'Ethernet',
      mac: '9c:b6:54:bb:c3:3c',
      ip4addr: '192.168.1.10',
      nicTags: ['admin', 'external'],
    });
    expect(rows[1]).toMatchObject({ link: 'bge1', mac: null, ip4addr: null, nicTags: [] });
  });

  it('keeps a NIC only sysinfo reports', () => {
    const rows = physRows([], [{ name: 'ixgbe0', mac: 'm', ip4addr: '', linkUp: false, nicTags: [] }], []);
    expect(rows).toMatchObject([{ link: 'ixgbe0', state: 'down', ip4addr: null }]);
  });
});

describe('formatSpeed', () => {
  it('prints Gb/s from 1000 Mb/s, and a dash for a link that is down', () => {
    expect(formatSpeed(1000)).toBe('1 Gb/s');
    expect(formatSpeed(2500)).toBe('2.5 Gb/s');
    expect(formatSpeed(100)).toBe('100 Mb/s');
    expect(formatSpeed(0)).toBe('—');
    expect(formatSpeed(null)).toBe('—');
  });
});

describe('vnicsByVm', () => {
  it('groups by VM name, the global zone last', () => {
    const groups = vnicsByVm(
      [
        { link: 'z3_0', zone: SAMBA },
        { link: 'gz0', zone: null },
        { link: 'z2_0', zone: DHCP },
        { link: 'z3_1', zone: SAMBA },
      ],
      [vm(SAMBA, 'samba'), vm(DHCP, 'DHCP')],
    );
    expect(groups.map((g) => [g.name, g.vnics.map((v) => v.link)])).toEqual([
      ['DHCP', ['z2_0']],
      ['samba', ['z3_0', 'z3_1']],
      ['global zone', ['gz0']],
    ]);
  });
});
