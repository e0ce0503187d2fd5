import { z } from 'zod';

export const JobState = z.enum(['running', 'succeeded', 'failed', 'interrupted']);
export type JobState = z.infer<typeof JobState>;

/**
 * What a running job is doing now, when its command says (an image import's download bar):
 * the step, and for a transfer its bytes and rate. Kept only while the job runs.
 */
export const JobStage = z.object({
  /** e.g. `download`, `verify` (the checksum), `install`. */
  phase: z.string(),
  bytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
  bytesPerSecond: z.number().nullable(),
});
export type JobStage = z.infer<typeof JobStage>;

/** Something that takes longer than a click, stored so every admin sees it and it survives a reload. */
export const Job = z.object({
  id: z.string(),
  hostId: z.string(),
  /** What it does, e.g. "vm.stop". */
  kind: z.string(),
  /** The VM (or other object) it acts on, and its name when it has one. */
  target: z.string().nullable(),
  targetName: z.string().nullable(),
  state: JobState,
  /** 0..1 when known. */
  progress: z.number().min(0).max(1).nullable(),
  /** The step a running job is at, when it reports one (absent once it ended). */
  stage: JobStage.optional(),
  /** The last thing it said: the host's own message on success, the error on failure. */
  message: z.string().nullable(),
  username: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobLogLine = z.object({ at: z.string(), line: z.string() });
export type JobLogLine = z.infer<typeof JobLogLine>;

export const JobDetail = Job.extend({ log: z.array(JobLogLine) });
export type JobDetail = z.infer<typeof JobDetail>;

export const JobListInput = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  target: z.string().max(64).optional(),
});
