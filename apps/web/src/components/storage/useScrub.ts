'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Job } from '@zonedeck/api/schemas';

import { useJobsSettled } from '../../hooks/useJobsSettled';
import { isFinished } from '../../lib/jobCache';
import { useTRPC } from '../../trpc/provider';
import { useJobActivity } from '../jobs/JobEventsProvider';
import { toastActionRefused, toastJobStarted } from '../jobs/JobToasts';

/** A scrub's job target, as the server names it. */
const targetOf = (pool: string) => `pool:${pool}`;

/**
 * Starting a scrub of one of the host's pools (the storage page's Start scrub and the command
 * palette's "Scrub zones"): the job is tracked and toasted, and `zpool status` of the pool is read
 * again when it starts and when a watched pool's scrub ends.
 */
export function useScrub(hostId: string, watched: readonly string[] = []) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const jobs = useJobActivity();

  const refresh = (pool: string) =>
    void queryClient.invalidateQueries({ queryKey: trpc.storage.poolStatus.queryKey({ hostId, pool }) });

  useJobsSettled(hostId, watched.map(targetOf), () => watched.forEach(refresh));

  const scrub = useMutation(
    trpc.storage.scrub.mutationOptions({
      onSuccess: (job: Job, input) => {
        const latest = jobs.track(job);
        if (!isFinished(latest)) toastJobStarted(latest);
        refresh(input.pool);
      },
      onError: (error, input) => toastActionRefused(`Could not scrub ${input.pool}`, error.message || null),
    }),
  );

  return {
    start: (pool: string) => scrub.mutate({ hostId, pool }),
    /** A scrub request or job of this browser is under way on the pool. */
    isBusy: (pool: string) =>
      jobs.isBusy(hostId, targetOf(pool)) || (scrub.isPending && scrub.variables.pool === pool),
  };
}
