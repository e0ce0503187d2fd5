import { randomUUID } from 'node:crypto';
import { EventEmitter, on } from 'node:events';

import { TRPCError } from '@trpc/server';

import type { JobRequest, JobsPort } from '@zonedeck/api';
import type { Job, JobDetail, JobStage, SessionUser } from '@zonedeck/api/schemas';

import type { AuditLog } from '../audit/auditLog.js';
import type { JobStore } from './jobStore.js';

const INTERRUPTED = 'interrupted: the console stopped while this job ran; the host state was read again';

/**
 * Runs jobs: stores each one, allows one running job per host and target (a per-VM lock),
 * records the outcome in the audit log, and tells subscribers about every change.
 */
export class JobRunner implements JobsPort {
  private readonly busy = new Map<string, string>();
  private readonly emitter = new EventEmitter();
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  /** The step each running job last reported (JobControl.progress); dropped when it ends. */
  private readonly stages = new Map<string, JobStage>();

  constructor(
    private readonly store: JobStore,
    private readonly audit: AuditLog,
  ) {
    // Every open browser listens; that is not a leak.
    this.emitter.setMaxListeners(0);
  }

  /** Call once at start-up: jobs a previous process left running can no longer finish. */
  recoverInterrupted(): Job[] {
    return this.store.interruptRunning(INTERRUPTED);
  }

  start(user: SessionUser, request: JobRequest): Job {
    const lockKey = request.target === null ? null : `${request.hostId}/${request.target}`;
    const holder = lockKey ? this.busy.get(lockKey) : undefined;
    if (lockKey && holder) {
      const other = this.store.getJob(holder);
      const what = request.targetName ?? request.target;
      this.audit.record({
        user,
        action: request.kind,
        hostId: request.hostId,
        target: request.target,
        args: request.args,
        result: 'refused',
        detail: `busy with job ${holder}`,
      });
      throw new TRPCError({
        code: 'CONFLICT',
        message: `${what} is busy: ${other?.username ?? 'someone'} is running ${other?.kind ?? 'a job'} on it; wait for it to finish`,
      });
    }

    const id = randomUUID();
    const job = this.store.insert({
      id,
      hostId: request.hostId,
      kind: request.kind,
      target: request.target,
      targetName: request.targetName,
      userId: user.id,
      username: user.username,
    });
    if (lockKey) this.busy.set(lockKey, id);
    this.publish(job);

    const abort = new AbortController();
    const done = this.execute(id, user, request, abort.signal).finally(() => {
      if (lockKey) this.busy.delete(lockKey);
      this.running.delete(id);
      this.stages.delete(id);
    });
    this.running.set(id, { abort, done });
    return job;
  }

  private async execute(
    id: string,
    user: SessionUser,
    request: JobRequest,
    signal: AbortSignal,
  ): Promise<void> {
    let lastProgressAt = 0;
    try {
      const message = await request.run({
        signal,
        log: (line) => this.store.appendLog(id, line),
        progress: (fraction, stage) => {
          const now = Date.now();
          const newPhase = stage !== undefined && stage.phase !== this.stages.get(id)?.phase;
          if (stage !== undefined) this.stages.set(id, stage);
          // Stored and sent at most 4 times a second (and whenever the step changes).
          if (now - lastProgressAt < 250 && fraction < 1 && !newPhase) return;
          lastProgressAt = now;
          const job = this.store.setProgress(id, Math.max(0, Math.min(1, fraction)));
          if (job) this.publish(job);
        },
      });
      this.store.appendLog(id, message);
      const job = this.store.finish(id, 'succeeded', message);
      this.audit.record({ ...this.auditOf(user, request), result: 'ok', detail: message });
      if (job) this.publish(job);
    } catch (err) {
      // Cancelled by close(): the job was already marked interrupted.
      if (signal.aborted) return;
      const message = err instanceof Error ? err.message : String(err);
      this.store.appendLog(id, message);
      const job = this.store.finish(id, 'failed', message);
      this.audit.record({ ...this.auditOf(user, request), result: 'error', detail: message });
      if (job) this.publish(job);
    }
  }

  private auditOf(user: SessionUser, request: JobRequest) {
    return {
      user,
      action: request.kind,
      hostId: request.hostId,
      target: request.target,
      args: request.args,
    };
  }

  private publish(job: Job): void {
    this.emitter.emit('job', this.withStage(job));
  }

  private withStage<T extends Job>(job: T): T {
    const stage = job.state === 'running' ? this.stages.get(job.id) : undefined;
    return stage === undefined ? job : { ...job, stage };
  }

  list(opts: { limit: number; target?: string | undefined }): Job[] {
    return this.store.list(opts).map((job) => this.withStage(job));
  }

  get(id: string): JobDetail | null {
    const job = this.store.get(id);
    return job && this.withStage(job);
  }

  async *events(signal: AbortSignal): AsyncIterable<Job> {
    try {
      for await (const [job] of on(this.emitter, 'job', { signal })) yield job as Job;
    } catch (err) {
      if (!signal.aborted) throw err;
    }
  }

  /** Shutdown: running jobs are marked interrupted (as a crash would leave them at the next start). */
  async close(): Promise<void> {
    const all = [...this.running.values()];
    this.store.interruptRunning(INTERRUPTED);
    for (const r of all) r.abort.abort();
    // A job that ignores its signal does not hold up shutdown for more than 5 s.
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, 5_000).unref()));
    await Promise.race([Promise.allSettled(all.map((r) => r.done)), limit]);
    clearTimeout(timer);
  }
}
