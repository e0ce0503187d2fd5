'use client';

import type { Job } from '@zonedeck/api/schemas';

import { isFinished } from '../../lib/jobCache';
import { errorCode } from '../../trpc/errors';
import { useJobActivity } from '../jobs/JobEventsProvider';
import { toastActionRefused, toastJobStarted } from '../jobs/JobToasts';

function messageOf(error: unknown): string | null {
  return error instanceof Error && error.message ? error.message : null;
}

/**
 * What every job-starting mutation of the VM pages does with its answer: track the job (its end
 * arrives over `job.onEvent` and raises the toast) or say why the server refused.
 */
export function useJobStarter() {
  const jobs = useJobActivity();
  return {
    started: (job: Job): Job => {
      const latest = jobs.track(job);
      // A job that ended before its answer arrived already has its toast.
      if (!isFinished(latest)) toastJobStarted(latest);
      return latest;
    },
    refused: (title: string, error: unknown): void => {
      const message = messageOf(error);
      if (errorCode(error) === 'CONFLICT' && message) toastActionRefused(message, null);
      else toastActionRefused(title, message);
    },
  };
}
