import { CircleCheck, CirclePause, CircleX, LoaderCircle, type LucideIcon } from 'lucide-react';

import type { JobState } from '@zonedeck/api/schemas';

const looks: Record<JobState, { icon: LucideIcon; className: string; spin?: boolean }> = {
  running: { icon: LoaderCircle, className: 'text-sky-700 dark:text-sky-300', spin: true },
  succeeded: { icon: CircleCheck, className: 'text-emerald-700 dark:text-emerald-400' },
  failed: { icon: CircleX, className: 'text-red-700 dark:text-red-400' },
  interrupted: { icon: CirclePause, className: 'text-amber-700 dark:text-amber-400' },
};

/** A job's state as an icon and its word; the word carries the meaning, the icon helps scanning. */
export function JobStateBadge({ state }: { state: JobState }) {
  const look = looks[state];
  const Icon = look.icon;
  return (
    <span
      className={`inline-flex items-center gap-1.5 text-xs font-medium whitespace-nowrap ${look.className}`}
    >
      <Icon aria-hidden="true" className={`size-4 shrink-0 ${look.spin ? 'animate-spin' : ''}`} />
      {state}
    </span>
  );
}
