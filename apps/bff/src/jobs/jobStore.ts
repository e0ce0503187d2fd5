import type { Job, JobDetail, JobState } from '@zonedeck/api/schemas';

import type { Db } from '../db/database.js';

interface JobRow {
  id: string;
  host_id: string;
  kind: string;
  target: string | null;
  target_name: string | null;
  state: JobState;
  progress: number | null;
  message: string | null;
  username: string;
  created_at: number;
  finished_at: number | null;
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    hostId: row.host_id,
    kind: row.kind,
    target: row.target,
    targetName: row.target_name,
    state: row.state,
    progress: row.progress,
    message: row.message,
    username: row.username,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
  };
}

/** Jobs and their log lines in SQLite: nothing about a job lives only in memory. */
export class JobStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  insert(job: {
    id: string;
    hostId: string;
    kind: string;
    target: string | null;
    targetName: string | null;
    userId: string;
    username: string;
  }): Job {
    this.db
      .prepare(
        `INSERT INTO jobs (id, host_id, kind, target, target_name, state, progress, message, user_id, username, created_at)
         VALUES (?, ?, ?, ?, ?, 'running', NULL, NULL, ?, ?, ?)`,
      )
      .run(job.id, job.hostId, job.kind, job.target, job.targetName, job.userId, job.username, this.now());
    return this.getJob(job.id) as Job;
  }

  setProgress(id: string, progress: number): Job | null {
    this.db.prepare('UPDATE jobs SET progress = ? WHERE id = ?').run(progress, id);
    return this.getJob(id);
  }

  finish(id: string, state: Exclude<JobState, 'running'>, message: string): Job | null {
    this.db
      .prepare('UPDATE jobs SET state = ?, message = ?, finished_at = ? WHERE id = ?')
      .run(state, message, this.now(), id);
    return this.getJob(id);
  }

  appendLog(id: string, line: string): void {
    this.db
      .prepare(
        `INSERT INTO job_log (job_id, seq, at, line)
         VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM job_log WHERE job_id = ?), ?, ?)`,
      )
      .run(id, id, this.now(), line);
  }

  /** Marks jobs left running by a previous process as interrupted; returns them. */
  interruptRunning(reason: string): Job[] {
    const ids = (
      this.db.prepare("SELECT id FROM jobs WHERE state = 'running'").all() as { id: string }[]
    ).map((r) => r.id);
    for (const id of ids) {
      this.appendLog(id, reason);
      this.finish(id, 'interrupted', reason);
    }
    return ids.map((id) => this.getJob(id)).filter((j): j is Job => j !== null);
  }

  getJob(id: string): Job | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? toJob(row) : null;
  }

  get(id: string): JobDetail | null {
    const job = this.getJob(id);
    if (!job) return null;
    const log = this.db.prepare('SELECT at, line FROM job_log WHERE job_id = ? ORDER BY seq').all(id) as {
      at: number;
      line: string;
    }[];
    return { ...job, log: log.map((l) => ({ at: new Date(l.at).toISOString(), line: l.line })) };
  }

  list(opts: { limit: number; target?: string | undefined }): Job[] {
    const rows = (
      opts.target === undefined
        ? this.db.prepare('SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?').all(opts.limit)
        : this.db
            .prepare('SELECT * FROM jobs WHERE target = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
            .all(opts.target, opts.limit)
    ) as JobRow[];
    return rows.map(toJob);
  }
}
