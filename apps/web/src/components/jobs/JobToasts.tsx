// The toasts jobs raise: one per job (the toast id is the job id), so "Stopping samba…" turns
// into "Stopped samba" in place when the job ends.
import Link from 'next/link';
import { toast, type ExternalToast } from 'sonner';

import type { Job } from '@zonedeck/api/schemas';

import { jobOutcomeText, jobRunningText, jobSubject } from '../../lib/jobText';

function ViewJobLink({ id }: { id: string }) {
  return (
    <Link
      href={`/jobs/${id}`}
      className="ml-auto shrink-0 rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap underline underline-offset-2 hover:no-underline"
    >
      View job
    </Link>
  );
}

export function toastJobStarted(job: Job): void {
  toast.loading(jobRunningText(job.kind, jobSubject(job)), {
    id: job.id,
    action: <ViewJobLink id={job.id} />,
  });
}

/** A job ended; `viewer` is who is signed in here, so other people's jobs say whose they were. */
export function toastJobFinished(job: Job, viewer: string | undefined): void {
  const { title, description } = jobOutcomeText(job);
  const by = viewer !== undefined && job.username !== viewer ? `by ${job.username}` : null;
  const options: ExternalToast = {
    id: job.id,
    description: [by, description].filter(Boolean).join(' · ') || undefined,
    action: <ViewJobLink id={job.id} />,
  };
  switch (job.state) {
    case 'running':
      return;
    case 'succeeded':
      toast.success(title, { ...options, duration: 6_000 });
      return;
    case 'failed':
      toast.error(title, { ...options, duration: 15_000 });
      return;
    case 'interrupted':
      toast.warning(title, { ...options, duration: 15_000 });
      return;
  }
}

/** The server refused to start a job (another job holds the VM, the role is missing…). */
export function toastActionRefused(title: string, detail: string | null): void {
  toast.error(title, { description: detail ?? undefined, duration: 10_000 });
}
