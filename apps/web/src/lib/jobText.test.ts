import { describe, expect, it } from 'vitest';

import {
  formatElapsed,
  jobDurationMs,
  jobOutcomeText,
  jobRunningText,
  jobSubject,
  jobTitle,
} from './jobText';
import { testJob } from './testJob';

const job = testJob;

describe('jobSubject', () => {
  it('prefers the name, then the target id', () => {
    expect(jobSubject(job())).toBe('samba');
    expect(jobSubject(job({ targetName: null }))).toBe('153831fc-2af9-44c8-9ba5-fad507337cc2');
    expect(jobSubject(job({ targetName: null, target: null }))).toBe('');
  });
});

describe('jobTitle and jobRunningText', () => {
  it('speak the VM power actions', () => {
    expect(jobTitle('vm.stop', 'samba')).toBe('Stop samba');
    expect(jobTitle('vm.reboot', 'elk')).toBe('Reboot elk');
    expect(jobRunningText('vm.stop', 'samba')).toBe('Stopping samba…');
    expect(jobRunningText('vm.start', 'DHCP')).toBe('Starting DHCP…');
  });

  it('speak the VM create, edit, delete and snapshot jobs', () => {
    expect(jobRunningText('vm.create', 'web01')).toBe('Creating web01…');
    expect(jobTitle('vm.update', 'samba')).toBe('Update samba');
    expect(jobTitle('vm.snapshot.rollback', 'web01')).toBe('Roll back web01');
    expect(jobRunningText('vm.snapshot.create', 'web01')).toBe('Snapshotting web01…');
  });

  it('speak the storage, image and service jobs', () => {
    expect(jobRunningText('pool.scrub', 'zones')).toBe('Scrubbing zones…');
    expect(jobTitle('image.import', '')).toBe('Import image');
    expect(jobTitle('service.disable', 'svc:/network/ssh:default')).toBe('Disable svc:/network/ssh:default');
  });

  it('show unknown kinds as they are', () => {
    expect(jobTitle('host.reboot', '')).toBe('host.reboot');
    expect(jobRunningText('vm.snapshot', 'samba')).toBe('Running vm.snapshot on samba…');
    expect(jobRunningText('pool.trim', '')).toBe('Running pool.trim…');
  });
});

describe('jobOutcomeText', () => {
  it('says what was done on success', () => {
    expect(jobOutcomeText(job({ state: 'succeeded', message: 'Successfully completed stop' }))).toEqual({
      title: 'Stopped samba',
      description: null,
    });
    expect(jobOutcomeText(job({ kind: 'pool.trim', targetName: 'zones', state: 'succeeded' })).title).toBe(
      'pool.trim zones finished',
    );
    expect(jobOutcomeText(job({ kind: 'pool.scrub', targetName: 'zones', state: 'succeeded' })).title).toBe(
      'Scrubbed zones',
    );
  });

  it('gives the first line of the message on failure and interruption', () => {
    expect(jobOutcomeText(job({ state: 'failed', message: 'vmadm: VM is not running\nmore' }))).toEqual({
      title: 'Stop samba failed',
      description: 'vmadm: VM is not running',
    });
    expect(jobOutcomeText(job({ state: 'interrupted', message: null }))).toEqual({
      title: 'Stop samba was interrupted',
      description: null,
    });
  });
});

describe('jobDurationMs', () => {
  const now = new Date('2026-01-01T10:05:00.000Z');

  it('measures to the end, or to now while running', () => {
    expect(jobDurationMs(job({ finishedAt: '2026-01-01T10:00:02.500Z' }), now)).toBe(2500);
    expect(jobDurationMs(job(), now)).toBe(300_000);
  });

  it('gives null for unreadable times', () => {
    expect(jobDurationMs(job({ createdAt: 'soon' }), now)).toBeNull();
  });
});

describe('formatElapsed', () => {
  it('keeps tenths below ten seconds', () => {
    expect(formatElapsed(0)).toBe('0.0 s');
    expect(formatElapsed(420)).toBe('0.4 s');
    expect(formatElapsed(9_999)).toBe('9.9 s');
  });

  it('grows to minutes and hours', () => {
    expect(formatElapsed(12_000)).toBe('12 s');
    expect(formatElapsed(185_000)).toBe('3 min 5 s');
    expect(formatElapsed(180_000)).toBe('3 min');
    expect(formatElapsed(2 * 3_600_000 + 4 * 60_000)).toBe('2 h 4 min');
    expect(formatElapsed(3_600_000)).toBe('1 h');
  });

  it('treats nonsense as zero', () => {
    expect(formatElapsed(-1)).toBe('0 s');
    expect(formatElapsed(Number.NaN)).toBe('0 s');
  });
});
