// SMF services for people: the filter, the colour of a state, which svcadm actions fit it.
// Pure: tested in services.test.ts.
import type { SmfService } from '@zonedeck/api/schemas';

import type { StateTone } from './format';

export type ServiceAction = 'enable' | 'disable' | 'restart' | 'clear';

/**
 * The services matching a filter: every whitespace-separated word must appear in the FMRI, the
 * state or the description (case-insensitive). `state:maintenance` matches that state exactly.
 */
export function filterServices(services: readonly SmfService[], query: string): readonly SmfService[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return services;
  return services.filter((s) => {
    const text = [s.fmri, s.state ?? '', s.description ?? ''].join('\n').toLowerCase();
    return words.every((w) => (w.startsWith('state:') ? s.state === w.slice(6) : text.includes(w)));
  });
}

export function serviceTone(state: SmfService['state']): StateTone {
  switch (state) {
    case 'online':
      return 'ok';
    case 'offline':
    case 'degraded':
    case 'uninitialized':
      return 'busy';
    case 'disabled':
    case 'legacy_run':
    case undefined:
      return 'idle';
    case 'maintenance':
      return 'bad';
  }
}

/** What an admin can ask of a service in this state; legacy (rc script) services take none. */
export function serviceActionsFor(state: SmfService['state']): ServiceAction[] {
  switch (state) {
    case 'online':
      return ['restart', 'disable'];
    case 'degraded':
      return ['clear', 'restart', 'disable'];
    case 'maintenance':
      return ['clear', 'disable'];
    case 'offline':
    case 'uninitialized':
      return ['disable'];
    case 'disabled':
      return ['enable'];
    case 'legacy_run':
    case undefined:
      return [];
  }
}

/** States in the order an admin wants to see them: trouble first. */
const stateOrder: Record<NonNullable<SmfService['state']>, number> = {
  maintenance: 0,
  degraded: 1,
  offline: 2,
  uninitialized: 3,
  online: 4,
  disabled: 5,
  legacy_run: 6,
};

export type ServiceSortKey = 'state' | 'fmri' | 'stime';

/** Sorted by a column; ties by FMRI. `stime` is as printed (a time, a date or a year), so by text. */
export function sortServices(
  services: readonly SmfService[],
  key: ServiceSortKey,
  direction: 'asc' | 'desc',
): SmfService[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...services].sort((a, b) => {
    let c = 0;
    if (key === 'state')
      c = (stateOrder[a.state ?? 'legacy_run'] ?? 9) - (stateOrder[b.state ?? 'legacy_run'] ?? 9);
    else if (key === 'stime') c = (a.stime ?? '').localeCompare(b.stime ?? '', 'en', { numeric: true });
    else c = a.fmri.localeCompare(b.fmri);
    return sign * c || a.fmri.localeCompare(b.fmri);
  });
}

/** `svc:/network/ssh:default` → `network/ssh:default`, the way svcs users say it. */
export function shortFmri(fmri: string): string {
  return fmri.replace(/^svc:\//, '').replace(/^lrc:\//, '');
}
