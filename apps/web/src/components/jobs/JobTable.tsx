import Link from 'next/link';

import type { Job } from '@zonedeck/api/schemas';

import { firstLine } from '../../lib/format';
import { formatElapsed, jobDurationMs, jobSubject, jobTitle } from '../../lib/jobText';
import { RelativeTime } from '../common/RelativeTime';
import { JobProgress } from './JobProgress';
import { JobStateBadge } from './JobStateBadge';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-2 align-top';

function JobRow({ job, now }: { job: Job; now: Date }) {
  const subject = jobSubject(job);
  const duration = jobDurationMs(job, now);
  const message = job.message ? firstLine(job.message) : '';
  return (
    <tr className="hover:bg-sunken/70">
      <td className={td}>
        <Link
          href={`/jobs/${job.id}`}
          className="font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
        >
          {jobTitle(job.kind, subject)}
        </Link>
        <div className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-ink-muted">
          <code className="font-mono">{job.kind}</code>
          {job.targetName !== null && job.target !== null ? (
            <span className="font-mono">{job.target}</span>
          ) : null}
        </div>
      </td>
      <td className={td}>
        <div className="flex min-w-24 flex-col gap-1.5 pt-0.5">
          <JobStateBadge state={job.state} />
          {job.progress !== null && job.state === 'running' ? (
            <JobProgress value={job.progress} label={`Progress of ${jobTitle(job.kind, subject)}`} />
          ) : null}
        </div>
      </td>
      <td className={`${td} whitespace-nowrap`}>{job.username}</td>
      <td className={`${td} text-ink-muted`}>
        <RelativeTime iso={job.createdAt} now={now} />
      </td>
      <td className={`${td} text-right whitespace-nowrap text-ink-muted tabular-nums`}>
        {duration === null ? '' : formatElapsed(duration)}
      </td>
      <td className={`${td} max-w-md text-ink-muted`}>
        <span className="line-clamp-2 break-words" title={job.message ?? undefined}>
          {message}
        </span>
      </td>
    </tr>
  );
}

/** Jobs, newest first, one row each. Names and messages come from hosts: text only. */
export function JobTable({ jobs, now }: { jobs: readonly Job[]; now: Date }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Jobs" className="w-full border-collapse text-sm">
        <thead className="border-b border-line bg-sunken">
          <tr>
            <th scope="col" className={th}>
              What
            </th>
            <th scope="col" className={th}>
              State
            </th>
            <th scope="col" className={th}>
              Who
            </th>
            <th scope="col" className={th}>
              Started
            </th>
            <th scope="col" className={`${th} text-right`}>
              Duration
            </th>
            <th scope="col" className={th}>
              Message
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
