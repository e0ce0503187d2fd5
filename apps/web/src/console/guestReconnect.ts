/**
 * A guest reboot must not freeze a console (docs/consoleProtocol.md#reconnecting): when the
 * guest's socket closes ("the guest stopped"), the session reconnects by itself with a fresh
 * ticket, so the relay resolves the guest's console socket again. While the VM is between
 * states (stopping, ready) or its new guest has no socket yet ("could not open …"), it tries
 * again after a growing delay, at most `REBOOT_RETRY_DELAYS_MS.length` times. A ticket refused
 * because the VM is stopped ends it: the guest really stopped, and the UI offers Start.
 */
import { ConsoleUnavailable } from './consoleSocket';
import { GUEST_STOPPED, meansGuestStopped, type ConsoleState, type StateCell } from './consoleState';

/** Delays before each try; about 25 s in all, longer than a guest's reboot takes. */
export const REBOOT_RETRY_DELAYS_MS = [250, 500, 1000, 1000, 1500, 2000, 2000, 3000, 3000, 3000, 4000, 4000];

export const REBOOTING = 'guest rebooting, reconnecting…';

/** The ticket router's refusal for a VM that is not running reads "<name> is <state>". */
function vmIsStopped(err: ConsoleUnavailable): boolean {
  return err.guestStopped && / is stopped$/.test(err.message);
}

/** Reasons a link ends with while a rebooting guest is not back yet. */
function guestNotBack(reason: string): boolean {
  return meansGuestStopped(reason) || reason.startsWith('could not open the ');
}

export class GuestReconnect {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly state: StateCell<ConsoleState>,
    /** Opens a new link with a fresh ticket. */
    private readonly reconnect: () => void,
    private readonly delays: readonly number[] = REBOOT_RETRY_DELAYS_MS,
  ) {}

  /** Whether the session is reconnecting by itself. */
  get active(): boolean {
    return this.attempt > 0;
  }

  /** The link ended with `reason`: true when a new try is scheduled (the state says so). */
  linkEnded(reason: string): boolean {
    if (!meansGuestStopped(reason) && !(this.active && guestNotBack(reason))) return false;
    return this.retry(reason);
  }

  /** A new ticket was refused while reconnecting: true when it tries again. */
  ticketRefused(err: unknown): boolean {
    if (!this.active) return false;
    if (err instanceof ConsoleUnavailable && vmIsStopped(err)) {
      this.cancel();
      this.state.set({ status: 'disconnected', reason: GUEST_STOPPED, guestStopped: true });
      return true;
    }
    if (err instanceof ConsoleUnavailable && err.guestStopped) return this.retry(err.message);
    this.cancel();
    return false;
  }

  /**
   * The path of a fresh ticket from `openTicket`, or null when there is none to use: the session
   * was disposed meanwhile, a refused ticket is tried again, or the refusal is now the state.
   */
  async newTicket(openTicket: () => Promise<string>, disposed: () => boolean): Promise<string | null> {
    try {
      return await openTicket();
    } catch (err) {
      if (disposed() || this.ticketRefused(err)) return null;
      this.state.set({
        status: 'disconnected',
        reason: err instanceof Error ? err.message : String(err),
        guestStopped: err instanceof ConsoleUnavailable && err.guestStopped,
      });
      return null;
    }
  }

  /** The console is open again (or the user took over): start from the first delay next time. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
  }

  private retry(lastReason: string): boolean {
    const delay = this.delays[this.attempt];
    if (delay === undefined) {
      const tries = this.attempt;
      this.cancel();
      this.state.set({
        status: 'disconnected',
        reason: `the guest did not come back after ${tries} tries: ${lastReason}`,
        guestStopped: false,
      });
      return true;
    }
    this.attempt += 1;
    this.state.set({
      status: 'reconnecting',
      reason: REBOOTING,
      attempt: this.attempt,
      attempts: this.delays.length,
    });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reconnect();
    }, delay);
    return true;
  }
}
