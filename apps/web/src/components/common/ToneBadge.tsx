import type { ReactNode } from 'react';

import type { StateTone } from '../../lib/format';

const tones: Record<StateTone, { badge: string; dot: string }> = {
  ok: {
    badge: 'bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-950/50 dark:text-emerald-300',
    dot: 'bg-emerald-500',
  },
  busy: {
    badge: 'bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-950/50 dark:text-amber-300',
    dot: 'bg-amber-500',
  },
  idle: {
    badge: 'bg-slate-100 text-slate-700 ring-slate-500/25 dark:bg-slate-800 dark:text-slate-300',
    dot: 'bg-slate-400',
  },
  bad: {
    badge: 'bg-red-50 text-red-800 ring-red-600/25 dark:bg-red-950/50 dark:text-red-300',
    dot: 'bg-red-500',
  },
};

/** A state as colour and word (pool health, disk state, service state): the word carries the meaning. */
export function ToneBadge({ tone, children }: { tone: StateTone; children: ReactNode }) {
  const t = tones[tone];
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${t.badge}`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${t.dot}`} />
      {children}
    </span>
  );
}
