// Pure updaters for the job queries in the TanStack Query cache: how `job.onEvent` changes and
// mutation results are written in instead of refetching. No React: tested in jobCache.test.ts.
import type { Job, JobDetail } from '@zonedeck/api/schemas';

/** What a cached `job.list` query holds: its `limit` and `target` inputs, when it has them. */
export interface JobListFilter {
  limit?: number | undefined;
  target?: string | undefined;
}

export function isFinished(job: Pick<Job, 'state'>): boolean {
  return job.state !== 'running';
}

/**
 * Whether `incoming` may replace `current`: a finished job never goes back to running, even when
 * a late "running" copy (the mutation's answer, an old progress event) arrives after the end.
 */
export function supersedes(current: Job, incoming: Job): boolean {
  return !(isFinished(current) && !isFinished(incoming));
}

function createdAtMs(job: Job): number {
  const time = Date.parse(job.createdAt);
  return Number.isNaN(time) ? 0 : time;
}

/**
 * A job list after one job changed: the job replaces its older copy by id, or is inserted in
 * order (newest first). A list not loaded yet stays unloaded; a job outside the list's target
 * filter leaves it as it is (the same array, so nothing re-renders).
 */
export function upsertJob(list: Job[] | undefined, job: Job, filter: JobListFilter = {}): Job[] | undefined {
  if (!list) return list;
  if (filter.target !== undefined && job.target !== filter.target) return list;
  const index = list.findIndex((j) => j.id === job.id);
  if (index >= 0) {
    const current = list[index];
    if (current && !supersedes(current, job)) return list;
    return list.map((j, i) => (i === index ? job : j));
  }
  const at = createdAtMs(job);
  const position = list.findIndex((j) => createdAtMs(j) < at);
  const next = position < 0 ? [...list, job] : [...list.slice(0, position), job, ...list.slice(position)];
  return filter.limit !== undefined ? next.slice(0, filter.limit) : next;
}

/** A cached job detail after a change to that job: the new fields, the log it already had. */
export function applyJobToDetail(detail: JobDetail | undefined, job: Job): JobDetail | undefined {
  if (!detail || detail.id !== job.id || !supersedes(detail, job)) return detail;
  return { ...detail, ...job, log: detail.log };
}

/** The `limit` and `target` inputs of a tRPC query key (`[path, { input, type }]`), if any. */
export function jobListFilterOf(queryKey: readonly unknown[]): JobListFilter {
  const opts = queryKey[1];
  if (typeof opts !== 'object' || opts === null || !('input' in opts)) return {};
  const input = opts.input;
  if (typeof input !== 'object' || input === null) return {};
  const limit = 'limit' in input && typeof input.limit === 'number' ? input.limit : undefined;
  const target = 'target' in input && typeof input.target === 'string' ? input.target : undefined;
  return { limit, target };
}
