// What jobs say to people: titles, toasts, durations. Pure: tested in jobText.test.ts.
import type { Job } from '@zonedeck/api/schemas';

import { firstLine } from './format';

interface Verb {
  /** "Stop" */ base: string;
  /** "Stopping" */ ing: string;
  /** "Stopped" */ past: string;
}

const verbs: Partial<Record<string, Verb>> = {
  'vm.start': { base: 'Start', ing: 'Starting', past: 'Started' },
  'vm.stop': { base: 'Stop', ing: 'Stopping', past: 'Stopped' },
  'vm.reboot': { base: 'Reboot', ing: 'Rebooting', past: 'Rebooted' },
  'pool.scrub': { base: 'Scrub', ing: 'Scrubbing', past: 'Scrubbed' },
  'image.import': { base: 'Import image', ing: 'Importing image', past: 'Imported image' },
  'image.delete': { base: 'Delete image', ing: 'Deleting image', past: 'Deleted image' },
  'service.enable': { base: 'Enable', ing: 'Enabling', past: 'Enabled' },
  'service.disable': { base: 'Disable', ing: 'Disabling', past: 'Disabled' },
  'service.restart': { base: 'Restart', ing: 'Restarting', past: 'Restarted' },
  'service.clear': { base: 'Clear', ing: 'Clearing', past: 'Cleared' },
  'vm.create': { base: 'Create', ing: 'Creating', past: 'Created' },
  'vm.update': { base: 'Update', ing: 'Updating', past: 'Updated' },
  'vm.delete': { base: 'Delete', ing: 'Deleting', past: 'Deleted' },
  'vm.snapshot.create': { base: 'Snapshot', ing: 'Snapshotting', past: 'Snapshotted' },
  'vm.snapshot.rollback': { base: 'Roll back', ing: 'Rolling back', past: 'Rolled back' },
  'vm.snapshot.delete': {
    base: 'Delete a snapshot of',
    ing: 'Deleting a snapshot of',
    past: 'Deleted a snapshot of',
  },
};

/** What a job acts on, for people: the target's name, else its id (a VM uuid), else nothing. */
export function jobSubject(job: Pick<Job, 'target' | 'targetName'>): string {
  return job.targetName ?? job.target ?? '';
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

/** "Stop samba"; a kind without words of its own shows as itself: "vm.snapshot samba". */
export function jobTitle(kind: string, subject: string): string {
  return join(verbs[kind]?.base ?? kind, subject);
}

/** The toast while it runs: "Stopping samba…". */
export function jobRunningText(kind: string, subject: string): string {
  const verb = verbs[kind];
  return `${verb ? join(verb.ing, subject) : join('Running', kind, subject ? `on ${subject}` : '')}…`;
}

/** How a job ended, as a toast says it: a title, and the job's message when there is more to say. */
export function jobOutcomeText(job: Job): { title: string; description: string | null } {
  const subject = jobSubject(job);
  const message = job.message ? firstLine(job.message) : null;
  switch (job.state) {
    case 'running':
      return { title: jobRunningText(job.kind, subject), description: null };
    case 'succeeded': {
      const verb = verbs[job.kind];
      return {
        title: verb ? join(verb.past, subject) : `${jobTitle(job.kind, subject)} finished`,
        description: null,
      };
    }
    case 'failed':
      return { title: `${jobTitle(job.kind, subject)} failed`, description: message };
    case 'interrupted':
      return { title: `${jobTitle(job.kind, subject)} was interrupted`, description: message };
  }
}

/** How long a job ran (or has run so far), in ms; null when its times cannot be read. */
export function jobDurationMs(job: Pick<Job, 'createdAt' | 'finishedAt'>, now: Date): number | null {
  const start = Date.parse(job.createdAt);
  const end = job.finishedAt === null ? now.getTime() : Date.parse(job.finishedAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, end - start);
}

/** A job's duration: "0.4 s", "12 s", "3 min 5 s", "2 h 4 min". */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 s';
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}
