import { describe, expect, it } from 'vitest';

import type { VmSummary } from '@zonedeck/api/schemas';

import { testVm } from './testVm';
import { applyVmEvent } from './vmEvents';

const vm = (uuid: string, state: VmSummary['state'] = 'running'): VmSummary =>
  testVm({ uuid, alias: uuid.slice(-1), state });
const A = '00000000-0000-0000-0000-00000000000a';
const B = '00000000-0000-0000-0000-00000000000b';

describe('applyVmEvent', () => {
  it('replaces the list on sync', () => {
    expect(applyVmEvent([vm(A)], { type: 'sync', vms: [vm(B)] })).toEqual([vm(B)]);
  });

  it('updates a changed VM in place, keeping the order', () => {
    expect(
      applyVmEvent([vm(A), vm(B)], { type: 'changed', vm: vm(A, 'stopped'), fields: ['state'] }),
    ).toEqual([vm(A, 'stopped'), vm(B)]);
  });

  it('adds and removes VMs', () => {
    const added = applyVmEvent([vm(A)], { type: 'added', vm: vm(B) });
    expect(added).toEqual([vm(A), vm(B)]);
    expect(applyVmEvent(added, { type: 'removed', uuid: A })).toEqual([vm(B)]);
  });

  it('leaves an unloaded list unloaded until a sync arrives', () => {
    expect(applyVmEvent(undefined, { type: 'added', vm: vm(A) })).toBeUndefined();
  });
});
