import type { ApiContext, JobControl } from './context.js';
import type { SessionUser } from './schemas/auth.js';

export type SignedInContext = ApiContext & { user: SessionUser };

/**
 * Starts a job that changes a host, and re-reads the host's VMs when it ends, so every browser
 * sees the result at once. The job logs the command line it runs.
 */
export function startHostJob(
  ctx: SignedInContext,
  job: {
    hostId: string;
    kind: string;
    target: string | null;
    targetName?: string | null;
    args: Record<string, unknown>;
    command: string;
    run: (control: JobControl) => Promise<string>;
  },
) {
  return ctx.jobs.start(ctx.user, {
    hostId: job.hostId,
    kind: job.kind,
    target: job.target,
    targetName:
      job.targetName ?? (job.target ? (ctx.hosts.knownVm(job.hostId, job.target)?.alias ?? null) : null),
    args: job.args,
    run: async (control) => {
      control.log(job.command);
      try {
        return await job.run(control);
      } finally {
        ctx.hosts.refresh(job.hostId);
      }
    },
  });
}
