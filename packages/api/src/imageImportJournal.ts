import { IMPORT_START, nextImportProgress, type ImportProgress } from '@zonedeck/smartos';

import type { JobControl } from './context.js';
import type { ImageImportEvent, JobStage } from './schemas/index.js';

const MiB = 1024 * 1024;
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(2)} MiB`;

/** The download bar as one plain log line: `Download: 50% (2.30 MiB of 4.60 MiB at 2.00 MiB/s)`. */
function downloadLine(progress: ImportProgress, percent: number): string {
  const parts = [
    progress.bytes !== null ? mib(progress.bytes) : null,
    progress.totalBytes !== null ? `of ${mib(progress.totalBytes)}` : null,
    progress.bytesPerSecond !== null ? `at ${mib(progress.bytesPerSecond)}/s` : null,
  ].filter((p) => p !== null);
  const tail = percent >= 100 ? ', checking the checksum' : '';
  return `Download: ${percent}%${parts.length > 0 ? ` (${parts.join(' ')})` : ''}${tail}`;
}

/** A job log line for one of imgadm's own lines. */
function eventLine(event: Exclude<ImageImportEvent, { kind: 'progress' }>): string {
  switch (event.kind) {
    case 'importing':
      return `Importing ${event.uuid} (${event.name}@${event.version}) from "${event.source}"`;
    case 'gather':
      return `Gather image ${event.uuid} ancestry`;
    case 'waiting-for-lock':
      return `Waiting for image ${event.uuid} import lock`;
    case 'must-download':
      return `Must download and install ${event.count} image${event.count === 1 ? '' : 's'}${event.sizeBytes !== null ? ` (${mib(event.sizeBytes)})` : ''}`;
    case 'downloaded':
      return `Downloaded image ${event.uuid}${event.sizeBytes !== null ? ` (${mib(event.sizeBytes)})` : ''}, installing`;
    case 'imported':
      return `Imported image ${event.uuid} (${event.name}@${event.version})`;
    case 'already-installed':
      return `Image ${event.uuid} (${event.name} ${event.version}) is already installed, skipping`;
    case 'other':
      return event.line;
  }
}

function stageOf(progress: ImportProgress): JobStage {
  return {
    phase: progress.phase,
    bytes: progress.bytes,
    totalBytes: progress.totalBytes,
    bytesPerSecond: progress.bytesPerSecond,
  };
}

/**
 * Turns `imgadm import` events, as they come, into the job's progress (fraction and stage:
 * phase, bytes, rate) and a log an admin can read: imgadm's lines, and the bar only at each
 * quarter, not at every redraw.
 */
export function createImportJournal(uuid: string, job: Pick<JobControl, 'log' | 'progress'>) {
  let progress = IMPORT_START;
  let quarter = -1;
  let last: string | undefined;
  const write = (line: string): void => {
    last = line;
    job.log(line);
  };
  return {
    take(event: ImageImportEvent): void {
      progress = nextImportProgress(progress, event);
      job.progress(progress.fraction, stageOf(progress));
      if (event.kind !== 'progress') {
        write(eventLine(event));
        return;
      }
      const reached = Math.floor(Math.min(event.percent, 100) / 25);
      if (reached > quarter) {
        quarter = reached;
        write(downloadLine(progress, event.percent));
      }
    },
    /** The last line logged, e.g. `Imported image <uuid> (name@version)`. */
    lastLine: (): string | undefined =>
      last ?? (progress.phase === 'done' ? `Imported image ${uuid}` : undefined),
  };
}
