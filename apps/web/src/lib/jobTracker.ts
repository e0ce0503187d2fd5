// What this browser tab knows about jobs beyond the query cache: the newest copy of each job it
// saw (so a late "running" answer cannot undo an end it already showed) and which running jobs it
// started itself (so their VMs show busy). Plain state outside React, tested in jobTracker.test.ts.
import type { Job } from '@zonedeck/api/schemas';

import { isFinished, supersedes } from './jobCache';

export class JobTracker {
  private readonly seen = new Map<string, Job>();
  private mine: ReadonlyMap<string, Job> = new Map();
  private readonly listeners = new Set<() => void>();
  private starts = 0;

  constructor(private readonly remembered = 200) {}

  /**
   * A job change from `job.onEvent`. Gives the newest copy, and `ended` the first time the tab
   * learns that the job is over (the moment for a toast).
   */
  readonly observe = (job: Job): { latest: Job; ended: boolean } => {
    const before = this.seen.get(job.id);
    const latest = this.remember(job);
    const ended = isFinished(latest) && !(before && isFinished(before));
    if (ended || this.mine.has(latest.id)) this.setMine(latest);
    return { latest, ended };
  };

  /** A job this tab just started (the mutation's answer); gives the newest copy known of it. */
  readonly track = (job: Job): Job => {
    const latest = this.remember(job);
    this.setMine(latest);
    return latest;
  };

  /** Counts subscription (re)starts: true from the second on, when missed changes must be read again. */
  readonly noteStart = (): boolean => {
    this.starts += 1;
    return this.starts > 1;
  };

  /** The running jobs this tab started, by id; a new map whenever it changes. */
  readonly getMine = (): ReadonlyMap<string, Job> => this.mine;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private remember(job: Job): Job {
    const known = this.seen.get(job.id);
    const latest = known && !supersedes(known, job) ? known : job;
    // Re-inserted, so the map's order is least recently seen first.
    this.seen.delete(job.id);
    this.seen.set(job.id, latest);
    if (this.seen.size > this.remembered) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return latest;
  }

  private setMine(job: Job): void {
    const next = new Map(this.mine);
    if (isFinished(job)) {
      if (!next.delete(job.id)) return;
    } else {
      next.set(job.id, job);
    }
    this.mine = next;
    for (const listener of this.listeners) listener();
  }
}

/** Whether one of `jobs` (running, started here) acts on that host's target. */
export function busyWith(jobs: ReadonlyMap<string, Job>, hostId: string, target: string): boolean {
  for (const job of jobs.values()) if (job.hostId === hostId && job.target === target) return true;
  return false;
}
