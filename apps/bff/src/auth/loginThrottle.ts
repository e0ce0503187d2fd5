import type { Db } from '../db/database.js';

/** How sign-in failures slow down and then lock out a user name or an address. */
export interface ThrottlePolicy {
  /** From this many failures on, each further attempt waits 2^(failures - delayAfter) seconds. */
  delayAfter: number;
  /** This many failures lock the key for `lockMs`. */
  lockAfter: number;
  lockMs: number;
  /** The longest delay before the lock. */
  maxDelayMs: number;
  /** Failures older than this (and no lock) are forgotten. */
  forgetAfterMs: number;
}

/** Per user name: 5 failures slow it down, 10 lock it for 15 minutes. */
export const USER_POLICY: ThrottlePolicy = {
  delayAfter: 5,
  lockAfter: 10,
  lockMs: 15 * 60_000,
  maxDelayMs: 60_000,
  forgetAfterMs: 15 * 60_000,
};

/** Per address, more lenient: an office behind one NAT address shares it. */
export const ADDRESS_POLICY: ThrottlePolicy = { ...USER_POLICY, delayAfter: 10, lockAfter: 30 };

export interface ThrottlePolicies {
  user: ThrottlePolicy;
  address: ThrottlePolicy;
}

export interface ThrottleKeys {
  user: string;
  address: string | null;
}

export interface ThrottleWait {
  retryAfterMs: number;
  locked: boolean;
}

interface Row {
  key: string;
  failures: number;
  last_failure_at: number;
  locked_until: number | null;
}

/** The throttle key of a user name: case-folded, the same whether or not such a user exists. */
export function userKey(username: string): string {
  return `user:${username.trim().toLowerCase()}`;
}

/**
 * Login throttling per user name and per client address, kept in SQLite so a restart does not
 * reset it. An attempt is counted before the password is checked (so parallel guesses cannot
 * slip through during the hash) and taken back when it succeeds.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    private readonly policies: ThrottlePolicies = { user: USER_POLICY, address: ADDRESS_POLICY },
  ) {}

  private policyOf(key: string): ThrottlePolicy {
    return key.startsWith('addr:') ? this.policies.address : this.policies.user;
  }

  keysOf(username: string, address: string | null): ThrottleKeys {
    return { user: userKey(username), address: address ? `addr:${address}` : null };
  }

  /** How long the caller must wait before trying again (the longer of the two keys), or null. */
  check(keys: ThrottleKeys): ThrottleWait | null {
    let worst: ThrottleWait | null = null;
    for (const key of [keys.user, keys.address]) {
      if (!key) continue;
      const wait = this.waitOf(this.row(key), this.policyOf(key));
      if (wait && (!worst || wait.retryAfterMs > worst.retryAfterMs)) worst = wait;
    }
    return worst;
  }

  /** Counts one attempt against both keys, before knowing whether it succeeds. */
  attempt(keys: ThrottleKeys): void {
    for (const key of [keys.user, keys.address]) if (key) this.fail(key);
  }

  /** The attempt succeeded: forget the user's failures and take the attempt back from the address. */
  succeeded(keys: ThrottleKeys): void {
    this.clear(keys.user);
    this.takeBack({ user: '', address: keys.address });
  }

  /** Takes one counted attempt back (it was not a failure), without forgetting earlier ones. */
  takeBack(keys: ThrottleKeys): void {
    for (const key of [keys.user, keys.address]) {
      if (!key) continue;
      // A lock this very attempt set (it passed check(), so none was in force) goes with it.
      this.db
        .prepare(
          `UPDATE login_failures SET failures = max(failures - 1, 0),
             locked_until = CASE WHEN failures - 1 >= ? THEN locked_until END
           WHERE key = ?`,
        )
        .run(this.policyOf(key).lockAfter, key);
    }
  }

  /** Ends a lockout (an admin's unlock) or forgets a key's failures. */
  clear(key: string): void {
    this.db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
  }

  /** When the key's lock ends, if it is locked now. */
  lockedUntil(key: string): Date | null {
    const row = this.row(key);
    return row?.locked_until && row.locked_until > this.now() ? new Date(row.locked_until) : null;
  }

  private row(key: string): Row | undefined {
    return this.db.prepare('SELECT * FROM login_failures WHERE key = ?').get(key) as Row | undefined;
  }

  private live(row: Row | undefined, policy: ThrottlePolicy): Row | undefined {
    if (!row) return undefined;
    const now = this.now();
    if (row.locked_until !== null) return row.locked_until > now ? row : undefined;
    return now - row.last_failure_at > policy.forgetAfterMs ? undefined : row;
  }

  private waitOf(stored: Row | undefined, policy: ThrottlePolicy): ThrottleWait | null {
    const row = this.live(stored, policy);
    if (!row) return null;
    const now = this.now();
    if (row.locked_until !== null) return { retryAfterMs: row.locked_until - now, locked: true };
    if (row.failures < policy.delayAfter) return null;
    const delay = Math.min(1000 * 2 ** (row.failures - policy.delayAfter), policy.maxDelayMs);
    const until = row.last_failure_at + delay;
    return until > now ? { retryAfterMs: until - now, locked: false } : null;
  }

  private fail(key: string): void {
    const now = this.now();
    const policy = this.policyOf(key);
    const failures = (this.live(this.row(key), policy)?.failures ?? 0) + 1;
    const lockedUntil = failures >= policy.lockAfter ? now + policy.lockMs : null;
    this.db
      .prepare(
        `INSERT INTO login_failures (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
           last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`,
      )
      .run(key, failures, now, lockedUntil);
  }
}
