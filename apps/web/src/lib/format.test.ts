import { describe, expect, it } from 'vitest';

import {
  brandFamily,
  firstLine,
  formatDateTime,
  formatDuration,
  formatGiB,
  formatMiB,
  formatRelativeTime,
  formatUptime,
  vmStateLabel,
  vmStateTone,
} from './format';

describe('formatMiB', () => {
  it('keeps MiB below one GiB', () => {
    expect(formatMiB(0)).toBe('0 MiB');
    expect(formatMiB(256)).toBe('256 MiB');
    expect(formatMiB(1023)).toBe('1023 MiB');
  });

  it('switches to GiB with at most one decimal', () => {
    expect(formatMiB(1024)).toBe('1 GiB');
    expect(formatMiB(1536)).toBe('1.5 GiB');
    expect(formatMiB(4096)).toBe('4 GiB');
    expect(formatMiB(65536)).toBe('64 GiB');
    expect(formatMiB(1100)).toBe('1.1 GiB');
  });
});

describe('formatGiB', () => {
  it('prints host memory in GiB with one decimal', () => {
    expect(formatGiB(32661)).toBe('31.9 GiB');
    expect(formatGiB(65536)).toBe('64.0 GiB');
  });
});

describe('formatDuration', () => {
  it('reads like uptime', () => {
    expect(formatDuration(30_000)).toBe('< 1 min');
    expect(formatDuration(7 * 60_000)).toBe('7 min');
    expect(formatDuration(5 * 3_600_000)).toBe('5 h');
    expect(formatDuration(5 * 3_600_000 + 12 * 60_000)).toBe('5 h 12 min');
    expect(formatDuration(41 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000)).toBe('41 d 3 h');
    expect(formatDuration(2 * 86_400_000)).toBe('2 d');
  });

  it('treats negative and non-finite durations as just now', () => {
    expect(formatDuration(-5)).toBe('< 1 min');
    expect(formatDuration(Number.NaN)).toBe('< 1 min');
  });
});

describe('formatUptime', () => {
  const now = new Date('2024-03-01T12:00:00Z');

  it('measures from the boot time to now', () => {
    expect(formatUptime('2024-02-08T00:03:34Z', now)).toBe('22 d 11 h');
  });

  it('gives null for a time it cannot read', () => {
    expect(formatUptime('not a date', now)).toBeNull();
  });
});

describe('formatDateTime', () => {
  it('formats in the given locale and zone', () => {
    expect(formatDateTime('2024-02-08T00:03:34Z', 'en-GB', 'UTC')).toBe('8 Feb 2024, 00:03');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('brandFamily', () => {
  it('groups native zones as OS and names the rest', () => {
    expect(brandFamily('joyent')).toBe('OS');
    expect(brandFamily('joyent-minimal')).toBe('OS');
    expect(brandFamily('builder')).toBe('OS');
    expect(brandFamily('lx')).toBe('LX');
    expect(brandFamily('kvm')).toBe('KVM');
    expect(brandFamily('bhyve')).toBe('bhyve');
  });
});

describe('VM states', () => {
  it('labels states with spaces', () => {
    expect(vmStateLabel('shutting_down')).toBe('shutting down');
    expect(vmStateLabel('running')).toBe('running');
  });

  it('gives each state a tone', () => {
    expect(vmStateTone('running')).toBe('ok');
    expect(vmStateTone('stopped')).toBe('idle');
    expect(vmStateTone('provisioning')).toBe('busy');
    expect(vmStateTone('failed')).toBe('bad');
  });
});

describe('firstLine', () => {
  it('takes the first non-empty line, trimmed', () => {
    expect(firstLine('\n  vmadm: VM not found  \nsecond')).toBe('vmadm: VM not found');
    expect(firstLine('')).toBe('');
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2026-01-01T12:00:00Z');

  it('counts back from now in the largest whole unit', () => {
    expect(formatRelativeTime('2026-01-01T11:59:55Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-01-01T11:59:18Z', now)).toBe('42 s ago');
    expect(formatRelativeTime('2026-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatRelativeTime('2026-01-01T09:00:00Z', now)).toBe('3 h ago');
    expect(formatRelativeTime('2025-12-30T11:00:00Z', now)).toBe('2 d ago');
  });

  it('treats a time slightly ahead as just now and keeps text that is not a date', () => {
    expect(formatRelativeTime('2026-01-01T12:00:03Z', now)).toBe('just now');
    expect(formatRelativeTime('never', now)).toBe('never');
  });
});
