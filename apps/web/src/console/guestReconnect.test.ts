import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ConsoleUnavailable } from './consoleSocket';
import { StateCell, type ConsoleState } from './consoleState';
import { GuestReconnect, REBOOTING } from './guestReconnect';

const DELAYS = [100, 200, 300];

let state: StateCell<ConsoleState>;
let reconnects: number;
let guest: GuestReconnect;
beforeEach(() => {
  vi.useFakeTimers();
  state = new StateCell<ConsoleState>({ status: 'connected', alias: 'elk', viewers: [] });
  reconnects = 0;
  guest = new GuestReconnect(state, () => (reconnects += 1), DELAYS);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('GuestReconnect', () => {
  it('reconnects by itself after "the guest stopped", with growing delays, while the VM reboots', () => {
    expect(guest.linkEnded('the guest stopped')).toBe(true);
    expect(state.get()).toEqual({ status: 'reconnecting', reason: REBOOTING, attempt: 1, attempts: 3 });
    vi.advanceTimersByTime(99);
    expect(reconnects).toBe(0);
    vi.advanceTimersByTime(1);
    expect(reconnects).toBe(1);

    // Between states: try again.
    expect(guest.ticketRefused(new ConsoleUnavailable('elk is stopping', true))).toBe(true);
    expect(state.get()).toMatchObject({ status: 'reconnecting', attempt: 2 });
    vi.advanceTimersByTime(200);
    expect(reconnects).toBe(2);
    // Running again but the new guest has no socket yet: try again.
    expect(guest.linkEnded('could not open the serial console: connect ENOENT')).toBe(true);
    vi.advanceTimersByTime(300);
    expect(reconnects).toBe(3);

    // Back: the next drop starts from the first delay again.
    guest.cancel();
    expect(guest.active).toBe(false);
    expect(guest.linkEnded('the guest stopped')).toBe(true);
    expect(state.get()).toMatchObject({ status: 'reconnecting', attempt: 1 });
  });

  it('stops at once when the VM is stopped, and offers Start', () => {
    guest.linkEnded('the guest stopped');
    vi.advanceTimersByTime(100);
    expect(guest.ticketRefused(new ConsoleUnavailable('elk is stopped', true))).toBe(true);
    expect(state.get()).toEqual({ status: 'disconnected', reason: 'the guest stopped', guestStopped: true });
    expect(guest.active).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(reconnects).toBe(1);
  });

  it('gives up after the last try and says why', () => {
    guest.linkEnded('the guest stopped');
    for (const delay of DELAYS) {
      vi.advanceTimersByTime(delay);
      guest.linkEnded('could not open the serial console: connect ENOENT');
    }
    expect(reconnects).toBe(3);
    expect(state.get()).toEqual({
      status: 'disconnected',
      reason: 'the guest did not come back after 3 tries: could not open the serial console: connect ENOENT',
      guestStopped: false,
    });
    vi.advanceTimersByTime(10_000);
    expect(reconnects).toBe(3);
  });

  it('leaves other endings and refusals alone', () => {
    expect(guest.linkEnded('zlogin exited with 0')).toBe(false);
    expect(guest.linkEnded('could not open the serial console: connect ENOENT')).toBe(false);
    expect(guest.ticketRefused(new ConsoleUnavailable('elk is stopping', true))).toBe(false);
    expect(state.get()).toMatchObject({ status: 'connected' });
    guest.linkEnded('the guest stopped');
    expect(guest.ticketRefused(new Error('network down'))).toBe(false);
  });

  it('newTicket: the path, or a refusal as the state, or nothing once disposed', async () => {
    expect(
      await guest.newTicket(
        () => Promise.resolve('/api/console?ticket=t1'),
        () => false,
      ),
    ).toBe('/api/console?ticket=t1');
    expect(state.get()).toMatchObject({ status: 'connected' });
    const refused = () => Promise.reject(new ConsoleUnavailable('elk is stopped', true));
    expect(await guest.newTicket(refused, () => true)).toBeNull();
    expect(state.get()).toMatchObject({ status: 'connected' });
    expect(await guest.newTicket(refused, () => false)).toBeNull();
    expect(state.get()).toEqual({ status: 'disconnected', reason: 'elk is stopped', guestStopped: true });
    expect(
      await guest.newTicket(
        () => Promise.reject(new Error('network down')),
        () => false,
      ),
    ).toBeNull();
    expect(state.get()).toEqual({ status: 'disconnected', reason: 'network down', guestStopped: false });
    // While reconnecting, a refusal between states is tried again instead.
    guest.linkEnded('the guest stopped');
    expect(
      await guest.newTicket(
        () => Promise.reject(new ConsoleUnavailable('elk is stopping', true)),
        () => false,
      ),
    ).toBeNull();
    expect(state.get()).toMatchObject({ status: 'reconnecting', attempt: 2 });
  });
});
