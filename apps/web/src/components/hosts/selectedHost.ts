'use client';

import { useCallback, useSyncExternalStore } from 'react';

import type { HostEntry } from '@zonedeck/api/schemas';

/**
 * The host every page works on: `?host=<id>` when the URL names one, else the one this browser
 * last chose (localStorage), else the console's first. The URL carries it whenever it is not
 * the first host, so a link or a reload shows the same host.
 */
const STORAGE_KEY = 'zonedeck.host';
/** Same-tab listeners (the `storage` event only reaches other tabs). */
const CHANGED = 'zonedeck:host-changed';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function read(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage disabled: the URL alone carries the choice
    return null;
  }
}

/** The host id this browser remembers; null on the server and before the first choice. */
export function useRememberedHost(): [string | null, (id: string) => void] {
  const remembered = useSyncExternalStore(subscribe, read, () => null);
  const remember = useCallback((id: string) => {
    if (read() === id) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, id);
    } catch {
      return;
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [remembered, remember];
}

/** The selected host among `hosts` (the ones pages can use). */
export function selectHost(
  hosts: readonly HostEntry[],
  fromUrl: string | null,
  remembered: string | null,
): HostEntry | undefined {
  const named = (id: string | null) => (id === null ? undefined : hosts.find((h) => h.id === id));
  return named(fromUrl) ?? named(remembered) ?? hosts[0];
}

/** `search` with `?host=` set to the host, or dropped for the first (default) host. */
export function withHostParam(search: string, hostId: string, defaultHostId: string | undefined): string {
  const params = new URLSearchParams(search);
  if (hostId === defaultHostId) params.delete('host');
  else params.set('host', hostId);
  const query = params.toString();
  return query ? `?${query}` : '';
}
