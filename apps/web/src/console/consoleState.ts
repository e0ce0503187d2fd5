/** The state a console session shows: explicit, so the UI never hangs silently on a dead link. */
export type ConsoleState =
  | { status: 'connecting' }
  | { status: 'connected'; alias: string | null; viewers: string[] }
  /** The guest went away (a reboot): trying again by itself, with a fresh ticket each time. */
  | { status: 'reconnecting'; reason: string; attempt: number; attempts: number }
  | { status: 'disconnected'; reason: string; guestStopped: boolean };

/** A tiny observable for useSyncExternalStore: sessions own their state, React only reads it. */
export class StateCell<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private value: T) {}

  get = (): T => this.value;

  set(value: T): void {
    this.value = value;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The server's words for a guest that went away (docs/consoleProtocol.md#closing). */
export const GUEST_STOPPED = 'the guest stopped';

export function meansGuestStopped(reason: string): boolean {
  return reason === GUEST_STOPPED;
}
