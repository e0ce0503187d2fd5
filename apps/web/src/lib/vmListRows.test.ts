import { describe, expect, it } from 'vitest';

import type { VmSummary } from '@zonedeck/api/schemas';

import { testVm } from './testVm';
import { filterVmRows, formatAge, ipSortKey, shortUuid, toVmListRow } from './vmListRows';
import { parseVmListView } from './vmListView';

const BASE = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const UBUNTU = 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a';

function vm(over: Partial<VmSummary>): VmSummary {
  return testVm({
    uuid: '2321c688-e15e-4c6f-bc07-b2f7ff772c18',
    alias: 'DHCP',
    quotaGiB: 5,
    imageUuid: BASE,
    ips: ['192.168.1.5'],
    createdAt: '2019-03-02T10:14:33.201Z',
    ...over,
  });
}

const images = new Map([[BASE, 'base-64-lts 18.4.0']]);
const rows = [
  vm({}),
  vm({
    uuid: '6a9d35d3-d522-4310-a724-fc38c59cd7e5',
    alias: 'elk',
    brand: 'kvm',
    state: 'stopped',
    imageUuid: UBUNTU,
    ips: ['10.0.0.9', 'fd00::9'],
    createdAt: null,
  }),
  vm({ uuid: '153831fc-2af9-44c8-9ba5-fad507337cc2', alias: null, brand: 'lx', imageUuid: null, ips: [] }),
].map((v) => toVmListRow(v, images));
const view = (query: string) => parseVmListView(new URLSearchParams(query));
const aliases = (query: string) => filterVmRows(rows, view(query)).map((r) => r.vm.alias);

describe('toVmListRow', () => {
  it('names an installed image, shortens the uuid of one that is not, reads the create time', () => {
    expect(rows.map((r) => [r.family, r.image, r.createdMs])).toEqual([
      ['OS', 'base-64-lts 18.4.0', Date.UTC(2019, 2, 2, 10, 14, 33, 201)],
      ['KVM', 'ac99517a', null],
      ['LX', null, Date.UTC(2019, 2, 2, 10, 14, 33, 201)],
    ]);
    expect(shortUuid(UBUNTU)).toBe('ac99517a');
  });
});

describe('filterVmRows', () => {
  it('matches the text in alias, uuid, address, image name and state, any case', () => {
    expect(aliases('q=ELK')).toEqual(['elk']);
    expect(aliases('q=153831fc')).toEqual([null]);
    expect(aliases('q=fd00::9')).toEqual(['elk']);
    expect(aliases('q=base-64')).toEqual(['DHCP']);
    expect(aliases('q=stopped')).toEqual(['elk']);
    expect(aliases('q=nothing-like-this')).toEqual([]);
  });

  it('filters by brand family and by state, together with the text', () => {
    expect(aliases('brand=os')).toEqual(['DHCP']);
    expect(aliases('brand=lx')).toEqual([null]);
    expect(aliases('state=running')).toEqual(['DHCP', null]);
    expect(aliases('state=running&brand=kvm')).toEqual([]);
    expect(aliases('state=running&q=dhcp')).toEqual(['DHCP']);
    expect(aliases('')).toEqual(['DHCP', 'elk', null]);
  });
});

describe('ipSortKey', () => {
  it('orders IPv4 numerically, other addresses after, no address as null', () => {
    const keys = ['192.168.1.10', '192.168.1.9', 'dhcp', '10.0.0.1'].map((ip) => ipSortKey([ip]));
    expect([...keys].sort()).toEqual([
      ipSortKey(['10.0.0.1']),
      ipSortKey(['192.168.1.9']),
      ipSortKey(['192.168.1.10']),
      ipSortKey(['dhcp']),
    ]);
    expect(ipSortKey([])).toBeNull();
  });
});

describe('formatAge', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const ago = (ms: number) => formatAge(now.getTime() - ms, now);
  it('says the age in the largest whole unit that reads well', () => {
    expect(ago(30_000)).toBe('< 1 min');
    expect(ago(42 * 60_000)).toBe('42 min');
    expect(ago(5 * 3_600_000)).toBe('5 h');
    expect(ago(12 * 86_400_000)).toBe('12 d');
    expect(ago(100 * 86_400_000)).toBe('3 mo');
    expect(formatAge(Date.parse('2019-03-02T10:14:33.201Z'), now)).toBe('7 y');
    expect(formatAge(null, now)).toBe('–');
  });
});
