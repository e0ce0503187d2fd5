'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';

import { parseVmListView, vmListSearch, type VmListView } from '../../../lib/vmListView';

/**
 * The VM list's view (filters and sort) from the URL, and the function that changes it. The URL
 * is replaced in place (no navigation, no history entry per keystroke); Next keeps
 * useSearchParams in step with the History API.
 */
export function useVmListView(): [VmListView, (next: VmListView) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const view = useMemo(() => parseVmListView(searchParams), [searchParams]);
  function setView(next: VmListView) {
    const search = vmListSearch(next, new URLSearchParams(searchParams.toString()));
    window.history.replaceState(null, '', `${pathname}${search}`);
  }
  return [view, setView];
}
