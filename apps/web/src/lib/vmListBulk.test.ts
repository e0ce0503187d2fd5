import { describe, expect, it } from 'vitest';

import type { VmSummary } from '@zonedeck/api/schemas';

import { testVm } from './testVm';
import { bulkReport, planBulk } from './vmListBulk';

function vm(alias: string, state: VmSummary['state']): VmSummary {
  return testVm({ uuid: `00000000-0000-4000-8000-${alias.padStart(12, '0')}`, alias, state });
}

const a = vm('a', 'running');
const b = vm('b', 'running');
const c = vm('c', 'stopped');
const d = vm('d', 'provisioning');

describe('planBulk', () => {
  it('stops the running VMs and leaves the others out with their state', () => {
    expect(planBulk('stop', [a, b, c, d])).toEqual({
      targets: [a, b],
      skipped: [
        { vm: c, state: 'stopped' },
        { vm: d, state: 'provisioning' },
      ],
    });
    expect(planBulk('start', [a, c]).targets).toEqual([c]);
  });
});

describe('bulkReport', () => {
  it('says how many jobs started when all went', () => {
    expect(bulkReport('stop', { started: [a, b], refused: [], skipped: [] })).toEqual({
      tone: 'success',
      title: 'Stopping 2 VMs',
      lines: [],
    });
  });

  it('names each refused or skipped VM with why', () => {
    const report = bulkReport('stop', {
      started: [a],
      refused: [{ vm: b, reason: 'b is busy with another job' }],
      skipped: [{ vm: c, state: 'stopped' }],
    });
    expect(report).toEqual({
      tone: 'warning',
      title: 'Stopping 1 VM, 2 left out',
      lines: ['b: refused: b is busy with another job', 'c: not stopped, it is stopped'],
    });
  });

  it('is an error when no job started', () => {
    const report = bulkReport('start', {
      started: [],
      refused: [{ vm: c, reason: 'busy' }],
      skipped: [{ vm: a, state: 'running' }],
    });
    expect(report.tone).toBe('error');
    expect(report.title).toBe('Could not start any of 2 VMs');
  });
});
