'use client';

import type { ImageManifest, Job } from '@zonedeck/api/schemas';

import { useNow } from '../../hooks/useNow';
import { imageFileBytes } from '../../lib/images';
import { formatElapsed, jobDurationMs } from '../../lib/jobText';
import { formatBytes } from '../../lib/storage';
import { Meter } from '../common/Meter';
import { JobStateBadge } from '../jobs/JobStateBadge';

/**
 * One `imgadm import` job: a bar that fills with the job's progress, or slides while the driver
 * cannot say how far it is (imgadm's output reaches the console when the command ends), then the
 * result. The job's changes arrive over `job.onEvent` into the cached job list.
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
      <p className="text-xs text-ink-muted tabular-nums">
        {job.state === 'running'
          ? value === null
            ? `Downloading ${size !== null ? formatBytes(size) : ''}, checking the checksum and installing… imgadm reports its progress when it finishes.`
            : `${Math.round(value * 100)} %`
          : done
            ? `Done: ${size !== null ? formatBytes(size) : ''}${rate !== null ? ` at ${formatBytes(rate)}/s` : ''}, checksum verified. ${job.message ?? ''}`
            : (job.message ?? 'The import did not finish.')}
      </p>
    </li>
  );
}
