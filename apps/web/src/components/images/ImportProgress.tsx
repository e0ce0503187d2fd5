'use client';

import type { ImageManifest, Job } from '@zonedeck/api/schemas';

import { useNow } from '../../hooks/useNow';
import { imageFileBytes, importPhaseLabel, importStageFigures } from '../../lib/images';
import { formatElapsed, jobDurationMs } from '../../lib/jobText';
import { formatBytes } from '../../lib/storage';
import { Meter } from '../common/Meter';
import { JobStateBadge } from '../jobs/JobStateBadge';

/**
 * One `imgadm import` job: a bar that fills with the job's progress and, while it runs, the step
 * imgadm is at (download, checksum, install) with the bytes so far and the rate, as the driver
 * reads them from imgadm's own progress bar; then the result. The job's changes arrive over
 * `job.onEvent` into the cached job list.
 */
export function ImportProgress({ job, manifest }: { job: Job; manifest: ImageManifest | undefined }) {
  const now = useNow(1_000);
  const name = manifest ? `${manifest.name}@${manifest.version}` : (job.target ?? 'image');
  const size = manifest ? imageFileBytes(manifest) : null;
  const elapsed = jobDurationMs(job, now);
  const done = job.state === 'succeeded';
  const value = done ? 1 : job.state === 'running' ? job.progress : (job.progress ?? 0);
  const rate = done && size !== null && elapsed ? size / (elapsed / 1000) : null;
  return (
    <li className="space-y-1.5 py-3" aria-label={`Import of ${name}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">{name}</span>
        <span className="flex items-center gap-2 text-xs text-ink-muted tabular-nums">
          {elapsed !== null ? formatElapsed(elapsed) : null}
          <JobStateBadge state={job.state} />
        </span>
      </div>
      <Meter
        value={value}
        label={`Importing ${name}`}
        tone={job.state === 'failed' || job.state === 'interrupted' ? 'bad' : done ? 'ok' : 'accent'}
      />
      {job.state === 'running' ? (
        <RunningImport job={job} size={size} />
      ) : (
        <p className="text-xs text-ink-muted tabular-nums">
          {done
            ? `Done: ${size !== null ? formatBytes(size) : ''}${rate !== null ? ` at ${formatBytes(rate)}/s` : ''}, checksum verified. ${job.message ?? ''}`
            : (job.message ?? 'The import did not finish.')}
        </p>
      )}
    </li>
  );
}

/** Phase, bytes and rate of a running import, as imgadm's bar last showed them. */
function RunningImport({ job, size }: { job: Job; size: number | null }) {
  const stage = job.stage;
  if (stage === undefined) {
    return (
      <p className="text-xs text-ink-muted tabular-nums">
        Starting imgadm import{size !== null ? ` of ${formatBytes(size)}` : ''}…
      </p>
    );
  }
  const { transferred, rate } = importStageFigures(stage);
  return (
    <dl
      className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-ink-muted tabular-nums"
      aria-label="Import step"
    >
      <div className="flex gap-1">
        <dt className="sr-only">Step</dt>
        <dd className="font-medium text-ink">{importPhaseLabel(stage.phase)}</dd>
      </div>
      {transferred !== null ? (
        <div className="flex gap-1">
          <dt>Downloaded</dt>
          <dd>{transferred}</dd>
        </div>
      ) : null}
      {rate !== null ? (
        <div className="flex gap-1">
          <dt>Rate</dt>
          <dd>{rate}</dd>
        </div>
      ) : null}
      {job.progress !== null ? (
        <div className="flex gap-1">
          <dt className="sr-only">Done</dt>
          <dd>{Math.round(job.progress * 100)} %</dd>
        </div>
      ) : null}
    </dl>
  );
}
