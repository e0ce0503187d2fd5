'use client';

import { useQuery } from '@tanstack/react-query';

import { useNow } from '../../hooks/useNow';
import { useTRPC } from '../../trpc/provider';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { JobTable } from './JobTable';

/** The newest jobs the list shows; `job.onEvent` keeps it current (see JobEventsProvider). */
export const JOB_LIST_INPUT = { limit: 100 };

function JobTableSkeleton() {
  return (
    <LoadingRegion label="Loading jobs">
      <div className="space-y-3">
        {[0, 1, 2, 3, 4].map((row) => (
          <div key={row} className="flex items-center gap-4">
            <Skeleton className="h-4 w-44" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-12" />
            <Skeleton className="h-4 flex-1" />
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}

function countText(total: number, running: number): string {
  const shown = total === JOB_LIST_INPUT.limit ? `newest ${total}` : `${total} total`;
  return running > 0 ? `${shown}, ${running} running` : shown;
}

/** Every job on every host, newest first, live: loading, error with retry, empty, or the table. */
export function JobList() {
  const trpc = useTRPC();
  const jobs = useQuery(trpc.job.list.queryOptions(JOB_LIST_INPUT));
  const running = jobs.data?.filter((job) => job.state === 'running').length ?? 0;
  // Running jobs show a growing duration; finished ones only need "5 min ago" kept fresh.
  const now = useNow(running > 0 ? 1_000 : 15_000);

  const count = jobs.data ? countText(jobs.data.length, running) : null;

  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold tracking-tight">Jobs</h1>
      <Panel
        label="Job list"
        title={<>History {count ? <span className="font-normal text-ink-muted">{count}</span> : null}</>}
      >
        {jobs.isPending ? (
          <JobTableSkeleton />
        ) : jobs.isError ? (
          <QueryErrorPanel title="Could not list the jobs" query={jobs} />
        ) : jobs.data.length === 0 ? (
          <div className="py-8 text-center">
            <p className="font-medium">No jobs yet</p>
            <p className="mt-1 text-ink-muted">
              Starting, stopping or rebooting a VM runs a job; it shows here while it runs and after.
            </p>
          </div>
        ) : (
          <div className="-mx-4 -my-4">
            <JobTable jobs={jobs.data} now={now} />
          </div>
        )}
      </Panel>
    </div>
  );
}
