import type { ConsoleKind } from '@zonedeck/api/schemas/consoleProtocol';

/** The consoles a VM of this brand has: VNC and serial for HVM guests, a zlogin shell for zones. */
export function kindsOf(brand: string): ConsoleKind[] {
  return brand === 'kvm' || brand === 'bhyve' ? ['vnc', 'serial'] : ['shell'];
}

/** `/consoles/<uuid>?kind=…`: the URL of a VM's console (its own browser window if wanted). */
export function consoleHref(uuid: string, kind: ConsoleKind, hostId?: string): string {
  const q = new URLSearchParams({ kind });
  if (hostId) q.set('host', hostId);
  return `/consoles/${uuid}?${q.toString()}`;
}
