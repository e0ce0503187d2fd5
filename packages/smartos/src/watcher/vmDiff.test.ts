import { describe, expect, it } from 'vitest';

import type { VmSummary } from '../model/vm.js';
import { byUuid, diffVms } from './vmDiff.js';

const vm = (uuid: string, over: Partial<VmSummary> = {}): VmSummary => ({
  uuid,
  alias: 'a',
  brand: 'joyent',
  state: 'running',
  ramMiB: 256,
  cpuCap: null,
  quotaGiB: 10,
  imageUuid: null,
  ips: ['10.0.0.1'],
  createdAt: '2024-02-11T12:00:00.000Z',
  ...over,
});
const A = '00000000-0000-0000-0000-00000000000a';
const B = '00000000-0000-0000-0000-00000000000b';
const C = '00000000-0000-0000-0000-00000000000c';

describe('diffVms', () => {
  it('reports nothing for an unchanged list', () => {
    expect(diffVms(byUuid([vm(A), vm(B)]), [vm(B), vm(A)])).toEqual([]);
  });

  it('reports added, removed and changed VMs with the fields that changed', () => {
    const events = diffVms(byUuid([vm(A), vm(B)]), [vm(A, { state: 'stopped', ramMiB: 512 }), vm(C)]);
    expect(events).toEqual([
      { type: 'changed', vm: vm(A, { state: 'stopped', ramMiB: 512 }), fields: ['state', 'ramMiB'] },
      { type: 'added', vm: vm(C) },
      { type: 'removed', uuid: B },
    ]);
  });

  it('compares the addresses by value: an equal copy is no change, a new address is', () => {
    expect(diffVms(byUuid([vm(A)]), [vm(A, { ips: ['10.0.0.1'] })])).toEqual([]);
    const events = diffVms(byUuid([vm(A)]), [vm(A, { ips: ['10.0.0.1', '10.0.0.2'] })]);
    expect(events).toEqual([
      { type: 'changed', vm: vm(A, { ips: ['10.0.0.1', '10.0.0.2'] }), fields: ['ips'] },
    ]);
  });

  it('sees a null alias become a name', () => {
    const events = diffVms(byUuid([vm(A, { alias: null })]), [vm(A, { alias: 'web' })]);
    expect(events).toEqual([{ type: 'changed', vm: vm(A, { alias: 'web' }), fields: ['alias'] }]);
  });
});
