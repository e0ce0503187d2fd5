'use client';

import { useQuery } from '@tanstack/react-query';

import { useNow } from '../../hooks/useNow';
import { useTRPC } from '../../trpc/provider';
import { AuditTable } from '../audit/AuditTable';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { JobTable } from '../jobs/JobTable';

/** The `job.list` input of a VM page: its newest jobs (kept live by JobEventsProvider). */
export function vmJobsInput(uuid: string) {
  return { target: uuid, limit: 25 };
}

function Loading({ label }: { label: string }) {
  return (
    <LoadingRegion label={label}>
      <Skeleton className="h-4 w-2/3" />
      <Skeleton className="mt-3 h-4 w-1/2" />
    </LoadingRegion>
  );
}

/** Recent jobs and audit entries whose target is this VM. */
export function VmActivity({ uuid, name }: { uuid: string; name: string | null }) {
  const trpc = useTRPC();
  const jobs = useQuery(trpc.job.list.queryOptions(vmJobsInput(uuid)));
  const audit = useQuery(trpc.audit.list.queryOptions({ target: uuid, limit: 50 }));
  const running = jobs.data?.some((j) => j.state === 'running') ?? false;
  const now = useNow(running ? 1_000 : 15_000);
  const names = new Map(name ? [[uuid, name]] : []);

  return (
    <div className="space-y-4">
      <Panel label="Recent jobs" title="Recent jobs">
        {jobs.isPending ? (
          <Loading label="Loading jobs" />
        ) : jobs.isError ? (
          <QueryErrorPanel title="Could not list the jobs" query={jobs} />
        ) : jobs.data.length === 0 ? (
          <p className="py-4 text-center text-ink-muted">No jobs for this VM yet.</p>
        ) : (
          <div className="-mx-4 -my-4">
            <JobTable jobs={jobs.data} now={now} />
          </div>
        )}
      </Panel>
      <Panel label="Audit entries" title="Audit entries">
        {audit.isPending ? (
          <Loading label="Loading audit entries" />
        ) : audit.isError ? (
          <QueryErrorPanel title="Could not read the audit log" query={audit} />
        ) : audit.data.length === 0 ? (
          <p className="py-4 text-center text-ink-muted">Nothing audited for this VM yet.</p>
        ) : (
          <div className="-mx-4 -my-4">
            <AuditTable entries={audit.data} names={names} now={now} />
          </div>
        )}
      </Panel>
    </div>
  );
}
