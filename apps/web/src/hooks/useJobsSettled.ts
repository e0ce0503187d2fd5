'use client';

import { useEffect, useRef } from 'react';

import { useJobActivity } from '../components/jobs/JobEventsProvider';

/**
 * Calls `onSettled(target)` when a job this tab started on one of `targets` stops being busy
 * (JobEventsProvider learns the end over `job.onEvent`), so the page can read what it changed.
 */
export function useJobsSettled(
  hostId: string,
  targets: readonly string[],
  onSettled: (target: string) => void,
): void {
  const jobs = useJobActivity();
  const busyBefore = useRef<ReadonlySet<string>>(new Set());
  const callback = useRef(onSettled);
  useEffect(() => {
    callback.current = onSettled;
  });
  const busyNow = targets.filter((t) => jobs.isBusy(hostId, t));
  const key = busyNow.join('\n');
  useEffect(() => {
    const now = new Set(key ? key.split('\n') : []);
    for (const target of busyBefore.current) if (!now.has(target)) callback.current(target);
    busyBefore.current = now;
  }, [key]);
}
