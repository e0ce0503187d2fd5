'use client';

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';

import type { Job } from '@zonedeck/api/schemas';

import { applyJobToDetail, jobListFilterOf, upsertJob } from '../../lib/jobCache';
import { busyWith, JobTracker } from '../../lib/jobTracker';
import { useTRPC } from '../../trpc/provider';
import { toastJobFinished } from './JobToasts';

export interface JobActivity {
  /** Records a job this browser just started (writing it into the cache); gives its newest copy. */
  track: (job: Job) => Job;
  /** Whether a job this browser started is still running on that target. */
  isBusy: (hostId: string, target: string) => boolean;
}

const JobActivityContext = createContext<JobActivity | null>(null);

/** Writes a job into every cached `job.list` (each within its own filter) and its cached detail. */
function writeJobToCache(queryClient: QueryClient, trpc: ReturnType<typeof useTRPC>, job: Job): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: trpc.job.list.queryKey() })) {
    const filter = jobListFilterOf(query.queryKey);
    queryClient.setQueryData<Job[]>(query.queryKey, (list) => upsertJob(list, job, filter));
  }
  queryClient.setQueryData(trpc.job.get.queryKey({ id: job.id }), (detail) => applyJobToDetail(detail, job));
}

/**
 * The one `job.onEvent` subscription of the console: every job change is written into the cached
 * `job.list` queries and the job's cached detail (whose log is then refetched), and a job that
 * ends raises a toast. Also knows which jobs this browser started, so their VMs can show busy.
 */
export function JobEventsProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [tracker] = useState(() => new JobTracker());
  const mine = useSyncExternalStore(tracker.subscribe, tracker.getMine, tracker.getMine);

  function onJob(job: Job): void {
    const { latest, ended } = tracker.observe(job);
    writeJobToCache(queryClient, trpc, latest);
    // The event carries no log; an open job page asks again for the new lines.
    void queryClient.invalidateQueries({ queryKey: trpc.job.get.queryKey({ id: job.id }) });
    if (ended) {
      toastJobFinished(latest, me.data?.username);
      void queryClient.invalidateQueries({ queryKey: trpc.audit.list.queryKey() });
    }
  }

  function onStarted(): void {
    if (!tracker.noteStart()) return;
    // Reconnected: changes may have been missed while the link was down. Read them again.
    void queryClient.invalidateQueries({ queryKey: trpc.job.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.audit.list.queryKey() });
    for (const id of tracker.getMine().keys()) {
      queryClient
        .fetchQuery(trpc.job.get.queryOptions({ id }))
        .then(onJob)
        .catch(() => {
          // The job page shows its own error; the busy mark clears with the job's next event.
        });
    }
  }

  useSubscription(trpc.job.onEvent.subscriptionOptions(undefined, { onData: onJob, onStarted }));

  const activity = useMemo<JobActivity>(
    () => ({
      track: (job) => {
        const latest = tracker.track(job);
        writeJobToCache(queryClient, trpc, latest);
        return latest;
      },
      isBusy: (hostId, target) => busyWith(mine, hostId, target),
    }),
    [mine, queryClient, tracker, trpc],
  );

  return <JobActivityContext.Provider value={activity}>{children}</JobActivityContext.Provider>;
}

export function useJobActivity(): JobActivity {
  const activity = useContext(JobActivityContext);
  if (!activity) throw new Error('useJobActivity needs a <JobEventsProvider> above it');
  return activity;
}
