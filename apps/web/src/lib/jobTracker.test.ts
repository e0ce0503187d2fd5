import { describe, expect, it, vi } from 'vitest';

import type { Job } from '@zonedeck/api/schemas';

import { busyWith, JobTracker } from './jobTracker';
import { SAMBA, testJob } from './testJob';

const job = (id: string, patch: Partial<Job> = {}): Job => testJob({ id, ...patch });
const done = (id: string) => job(id, { state: 'succeeded', finishedAt: '2026-01-01T10:00:01.000Z' });

describe('JobTracker', () => {
  it('marks a started job busy until its end arrives', () => {
    const tracker = new JobTracker();
    tracker.track(job('a'));
    expect(busyWith(tracker.getMine(), 'default', SAMBA)).toBe(true);
    expect(busyWith(tracker.getMine(), 'other', SAMBA)).toBe(false);

    expect(tracker.observe(done('a'))).toEqual({ latest: done('a'), ended: true });
    expect(busyWith(tracker.getMine(), 'default', SAMBA)).toBe(false);
  });

  it('keeps the end when the mutation answer arrives after it', () => {
    const tracker = new JobTracker();
    tracker.observe(done('a'));
    expect(tracker.track(job('a'))).toEqual(done('a'));
    expect(tracker.getMine().size).toBe(0);
  });

  it('reports an end once', () => {
    const tracker = new JobTracker();
    expect(tracker.observe(done('a')).ended).toBe(true);
    expect(tracker.observe(done('a')).ended).toBe(false);
    expect(tracker.observe(job('b')).ended).toBe(false);
  });

  it('ignores other tabs\u2019 running jobs and tells listeners about its own', () => {
    const tracker = new JobTracker();
    const listener = vi.fn();
    tracker.subscribe(listener);
    tracker.observe(job('other'));
    expect(tracker.getMine().size).toBe(0);
    expect(listener).not.toHaveBeenCalled();

    const before = tracker.getMine();
    tracker.track(job('a'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(tracker.getMine()).not.toBe(before);
  });

  it('forgets the oldest jobs past its limit', () => {
    const tracker = new JobTracker(2);
    tracker.observe(done('a'));
    tracker.observe(done('b'));
    tracker.observe(done('c'));
    // "a" was forgotten, so its end counts as new again.
    expect(tracker.observe(done('a')).ended).toBe(true);
    expect(tracker.observe(done('c')).ended).toBe(false);
  });

  it('tells a reconnect from the first start', () => {
    const tracker = new JobTracker();
    expect(tracker.noteStart()).toBe(false);
    expect(tracker.noteStart()).toBe(true);
  });
});
