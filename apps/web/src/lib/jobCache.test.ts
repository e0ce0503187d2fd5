import { describe, expect, it } from 'vitest';

import type { Job, JobDetail } from '@zonedeck/api/schemas';

import { applyJobToDetail, isFinished, jobListFilterOf, supersedes, upsertJob } from './jobCache';
import { SAMBA, testJob } from './testJob';

const job = (id: string, minute: number, patch: Partial<Job> = {}): Job =>
  testJob({ id, createdAt: `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`, ...patch });

describe('upsertJob', () => {
  it('inserts a new job at the top of a newest-first list', () => {
    const list = [job('b', 2), job('a', 1)];
    expect(upsertJob(list, job('c', 3))?.map((j) => j.id)).toEqual(['c', 'b', 'a']);
  });

  it('inserts an older job in its place', () => {
    const list = [job('c', 3), job('a', 1)];
    expect(upsertJob(list, job('b', 2))?.map((j) => j.id)).toEqual(['c', 'b', 'a']);
    expect(upsertJob(list, job('z', 0))?.map((j) => j.id)).toEqual(['c', 'a', 'z']);
  });

  it('replaces a job by id, keeping the order', () => {
    const list = [job('b', 2), job('a', 1)];
    const done = job('a', 1, { state: 'succeeded', message: 'ok' });
    expect(upsertJob(list, done)).toEqual([job('b', 2), done]);
  });

  it('never takes a finished job back to running', () => {
    const list = [job('a', 1, { state: 'failed', message: 'no' })];
    expect(upsertJob(list, job('a', 1))).toBe(list);
  });

  it('leaves an unloaded list unloaded', () => {
    expect(upsertJob(undefined, job('a', 1))).toBeUndefined();
  });

  it('keeps a list filtered by target to that target', () => {
    const list = [job('a', 1)];
    expect(upsertJob(list, job('b', 2, { target: 'other' }), { target: SAMBA })).toBe(list);
    expect(upsertJob(list, job('b', 2), { target: SAMBA })).toHaveLength(2);
  });

  it('keeps a list within its limit', () => {
    const list = [job('b', 2), job('a', 1)];
    expect(upsertJob(list, job('c', 3), { limit: 2 })?.map((j) => j.id)).toEqual(['c', 'b']);
  });
});

describe('applyJobToDetail', () => {
  const detail: JobDetail = { ...job('a', 1), log: [{ at: '2026-01-01T10:01:00.000Z', line: 'vmadm stop' }] };

  it('takes the new fields and keeps the log', () => {
    const next = applyJobToDetail(detail, job('a', 1, { state: 'succeeded', progress: 1 }));
    expect(next?.state).toBe('succeeded');
    expect(next?.progress).toBe(1);
    expect(next?.log).toBe(detail.log);
  });

  it('ignores other jobs and missing details', () => {
    expect(applyJobToDetail(detail, job('b', 2))).toBe(detail);
    expect(applyJobToDetail(undefined, job('a', 1))).toBeUndefined();
  });
});

describe('supersedes and isFinished', () => {
  it('orders running before any end', () => {
    expect(isFinished(job('a', 1))).toBe(false);
    expect(isFinished(job('a', 1, { state: 'interrupted' }))).toBe(true);
    expect(supersedes(job('a', 1), job('a', 1, { state: 'succeeded' }))).toBe(true);
    expect(supersedes(job('a', 1, { state: 'succeeded' }), job('a', 1))).toBe(false);
  });
});

describe('jobListFilterOf', () => {
  it('reads limit and target from a tRPC query key', () => {
    expect(jobListFilterOf([['job', 'list'], { input: { limit: 50 }, type: 'query' }])).toEqual({
      limit: 50,
      target: undefined,
    });
    expect(jobListFilterOf([['job', 'list'], { input: { target: SAMBA }, type: 'query' }])).toEqual({
      limit: undefined,
      target: SAMBA,
    });
  });

  it('gives no filter for keys without input', () => {
    expect(jobListFilterOf([['job', 'list']])).toEqual({});
    expect(jobListFilterOf([['job', 'list'], { type: 'query' }])).toEqual({});
  });
});
