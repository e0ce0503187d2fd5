'use client';

import { useQuery } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';

import type { JobDetail } from '@zonedeck/api/schemas';

import { useNow } from '../../hooks/useNow';
import { formatDateTime } from '../../lib/format';
import { formatElapsed, jobDurationMs, jobSubject, jobTitle } from '../../lib/jobText';
import { errorCode } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { RelativeTime } from '../common/RelativeTime';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { JobLog } from './JobLog';
import { JobProgress } from './JobProgress';
import { JobStateBadge } from './JobStateBadge';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-muted">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

function JobFacts({ job }: { job: JobDetail }) {
  const now = useNow(job.state === 'running' ? 1_000 : 60_000);
  const duration = jobDurationMs(job, now);
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
      <Field label="Kind">
        <code className="font-mono text-xs">{job.kind}</code>
      </Field>
      <Field label="Target">
        {job.targetName ?? <span className="text-ink-faint">none</span>}
        {job.target ? <div className="font-mono text-xs text-ink-muted">{job.target}</div> : null}
      </Field>
      <Field label="Host">{job.hostId}</Field>
      <Field label="Started by">{job.username}</Field>
      <Field label="Started">
        <RelativeTime iso={job.createdAt} now={now} />
        <div className="text-xs text-ink-muted">{formatDateTime(job.createdAt)}</div>
      </Field>
      <Field label="Finished">
        {job.finishedAt ? formatDateTime(job.finishedAt) : <span className="text-ink-faint">not yet</span>}
      </Field>
      <Field label="Duration">{duration === null ? '' : formatElapsed(duration)}</Field>
      <Field label="Job id">
        <span className="font-mono text-xs">{job.id}</span>
      </Field>
    </dl>
  );
}

/** One job with its log, kept live by JobEventsProvider (it refetches this detail on each change). */
export function JobDetailView({ id }: { id: string }) {
  const trpc = useTRPC();
  const job = useQuery(trpc.job.get.queryOptions({ id }));

  const back = (
    <Link href="/jobs" className="inline-flex items-center gap-1 text-sm text-ink-muted hover:text-ink">
      <ArrowLeft aria-hidden="true" className="size-4" />
      All jobs
    </Link>
  );

  if (job.isPending) {
    return (
      <div className="space-y-4">
        {back}
        <LoadingRegion label="Loading the job">
          <Skeleton className="h-6 w-56" />
          <Skeleton className="mt-4 h-28 w-full" />
          <Skeleton className="mt-4 h-40 w-full" />
        </LoadingRegion>
      </div>
    );
  }
  if (job.isError) {
    return (
      <div className="space-y-4">
        {back}
        {errorCode(job.error) === 'NOT_FOUND' ? (
          <div className="rounded-lg border border-dashed border-line-strong bg-surface p-10 text-center">
            <p className="font-medium">No such job</p>
            <p className="mt-1 text-ink-muted">It may belong to another console, or the link is mistyped.</p>
          </div>
        ) : (
          <QueryErrorPanel title="Could not read the job" query={job} />
        )}
      </div>
    );
  }

  const data = job.data;
  const title = jobTitle(data.kind, jobSubject(data));
  return (
    <div className="space-y-4">
      {back}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
        <JobStateBadge state={data.state} />
      </div>
      <Panel label="Job" title="Details">
        <JobFacts job={data} />
        {data.progress !== null && data.state === 'running' ? (
          <div className="mt-4 max-w-md">
            <JobProgress value={data.progress} label={`Progress of ${title}`} />
          </div>
        ) : null}
        {data.message ? (
          <p
            className={`mt-4 rounded-md px-3 py-2 break-words whitespace-pre-wrap ${
              data.state === 'failed'
                ? 'bg-red-50 text-red-900 dark:bg-red-950/40 dark:text-red-200'
                : 'bg-sunken text-ink'
            }`}
          >
            {data.message}
          </p>
        ) : null}
      </Panel>
      <Panel label="Log" title="Log">
        <JobLog lines={data.log} />
      </Panel>
    </div>
  );
}
