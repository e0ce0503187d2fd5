import { randomBytes, timingSafeEqual } from 'node:crypto';

import type { ConsolesPort } from '@zonedeck/api';
import type { ConsoleKind, SessionUser } from '@zonedeck/api/schemas';

/** What a ticket grants: one console of one VM, to one user in one session. */
export interface ConsoleGrant {
  sessionId: string;
  user: SessionUser;
  hostId: string;
  uuid: string;
  alias: string | null;
  kind: ConsoleKind;
  expiresAt: number;
}

export type TicketCheck =
  { ok: true; grant: ConsoleGrant } | { ok: false; reason: 'unknown' | 'expired' | 'other-session' };

export const TICKET_TTL_MS = 30_000;

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Console tickets (docs/consoleProtocol.md#tickets): 32 random bytes, base64url, single use,
 * valid for 30 s, bound to the session and user that asked. In memory on purpose: a ticket
 * outliving a restart would be useless anyway (it expires in 30 s).
 */
export class ConsoleTickets implements ConsolesPort {
  private readonly tickets = new Map<string, ConsoleGrant>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(request: Omit<ConsoleGrant, 'expiresAt'>): string {
    this.sweep();
    const ticket = randomBytes(32).toString('base64url');
    this.tickets.set(ticket, { ...request, expiresAt: this.now() + TICKET_TTL_MS });
    return ticket;
  }

  /** Checks a ticket for a session and consumes it: a ticket is tried once, whatever the outcome. */
  consume(ticket: string, sessionId: string): TicketCheck {
    const grant = this.tickets.get(ticket);
    if (!grant) return { ok: false, reason: 'unknown' };
    this.tickets.delete(ticket);
    if (grant.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    if (!sameString(grant.sessionId, sessionId)) return { ok: false, reason: 'other-session' };
    return { ok: true, grant };
  }

  private sweep(): void {
    const now = this.now();
    for (const [ticket, grant] of this.tickets) if (grant.expiresAt <= now) this.tickets.delete(ticket);
  }
}
