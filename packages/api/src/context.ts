import type { HostDriver, VmEvent } from '@zonedeck/smartos';

import type { AuditEntry, AuditListInput, AuditRecord } from './schemas/audit.js';
import type { Account, LoginInput, SessionUser, TotpEnrolment } from './schemas/auth.js';
import type { ConsoleKind } from './schemas/consoleProtocol.js';
import type { HostEntry, VmSummary } from './schemas/host.js';
import type { AddedHost, AddHostInput, HostStatus, PinHostKeyInput } from './schemas/hostConfig.js';
import type { Job, JobDetail, JobStage } from './schemas/job.js';
import type { SessionEntry } from './schemas/sessions.js';
import type { CreateUserInput, UserEntry } from './schemas/users.js';

/**
 * The ports the BFF implements for the routers. Routers know these interfaces only, so
 * they can be called in tests with `createCaller` and a context built from real parts.
 */
/** Where a request came from: recorded with sessions and sign-in attempts. */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

/** How a sign-in attempt ended. `refused` never says whether the user exists. */
export type LoginOutcome =
  | { status: 'ok'; sessionId: string; user: SessionUser; expiresAt: Date }
  | { status: 'code-required' }
  | { status: 'refused'; reason: 'credentials' | 'code' }
  | { status: 'throttled'; retryAfterSeconds: number; locked: boolean };

export interface AuthPort {
  /** Checks the password (and TOTP code); on success creates a session. Throttled per user and address. */
  login(input: LoginInput, client: ClientInfo): Promise<LoginOutcome>;
  logout(sessionId: string): void;
  account(userId: string): Account;
  /** Changes the caller's password and ends their other sessions; false when `current` is wrong. */
  changePassword(userId: string, sessionId: string, current: string, next: string): Promise<boolean>;
  /** Starts TOTP enrolment: a new secret, shown this once, until a code from it is confirmed. */
  beginTotp(userId: string): TotpEnrolment;
  /** Confirms enrolment with a code from the new secret; false when the code is wrong. */
  confirmTotp(userId: string, code: string): boolean;
  /** Turns the caller's second factor off; false when `currentPassword` is wrong. */
  disableTotp(userId: string, currentPassword: string): Promise<boolean>;
}

/** User management for admins; `actor` is the admin, for the guard rails (not themselves, not the last admin). */
export interface UsersPort {
  list(): UserEntry[];
  create(input: CreateUserInput): Promise<UserEntry>;
  setRole(actor: SessionUser, userId: string, role: SessionUser['role']): UserEntry;
  setDisabled(actor: SessionUser, userId: string, disabled: boolean): UserEntry;
  /** Sets a new password and ends every session of the user. */
  resetPassword(userId: string, password: string): Promise<UserEntry>;
  resetTotp(userId: string): UserEntry;
  /** Ends a sign-in lockout. */
  unlock(userId: string): UserEntry;
}

export interface SessionsPort {
  /** Live sessions: one user's, or everyone's without `userId`; the caller's own marked current. */
  list(opts: { userId?: string; currentSessionId: string }): SessionEntry[];
  /** Ends a session at once (only one of `userId`'s when given); its id, or null if none matched. */
  revoke(id: string, opts: { userId?: string }): string | null;
}

export interface SessionCookiePort {
  set(sessionId: string, expiresAt: Date): void;
  clear(): void;
}

export interface HostsPort {
  list(): HostEntry[];
  /** The driver of one host; throws a NOT_FOUND TRPCError-friendly error for unknown ids. */
  driver(hostId: string): HostDriver;
  /** The host's VM events (a full `sync` first) until `signal` aborts. */
  vmEvents(hostId: string, signal: AbortSignal): AsyncIterable<VmEvent>;
  /** The VM as the host's watcher last saw it, if it has. */
  knownVm(hostId: string, uuid: string): VmSummary | null;
  /** Re-reads the host's VMs now (after a command changed them) instead of at the next tick. */
  refresh(hostId: string): void;
  /** Every host, the ones not usable yet included, with whether it answers and why not. */
  status(): Promise<HostStatus[]>;
  /**
   * Stores a host from the hosts page, unconfirmed: connects only to read the host key it
   * presents (nothing is sent or run), for the admin to compare and confirm with pin().
   */
  add(user: SessionUser, input: AddHostInput): Promise<AddedHost>;
  /** Pins the host key the admin confirmed (first use or after a change); the host is used from then on. */
  pin(user: SessionUser, input: PinHostKeyInput): Promise<HostStatus>;
  /** Removes a host added on the hosts page, with its stored key. */
  remove(user: SessionUser, hostId: string): Promise<void>;
}

/** What a running job may do: report progress and log lines, and notice cancellation. */
export interface JobControl {
  signal: AbortSignal;
  log: (line: string) => void;
  /** 0..1, and the step it is at when the command says (shown live, not stored). */
  progress: (fraction: number, stage?: JobStage) => void;
}

export interface JobRequest {
  hostId: string;
  kind: string;
  /** The object it acts on; at most one running job per host and target. */
  target: string | null;
  targetName: string | null;
  /** Recorded in the audit log (secrets redacted). */
  args: Record<string, unknown>;
  /** Does the work; resolves with the message to keep (e.g. the host's own success line). */
  run(control: JobControl): Promise<string>;
}

export interface JobsPort {
  /** Starts a job and returns at once; CONFLICT when its target already has a running job. */
  start(user: SessionUser, request: JobRequest): Job;
  list(opts: { limit: number; target?: string | undefined }): Job[];
  get(id: string): JobDetail | null;
  /** Every job change (created, progress, finished) until `signal` aborts. */
  events(signal: AbortSignal): AsyncIterable<Job>;
}

export interface AuditPort {
  list(filter: AuditListInput): AuditEntry[];
  record(entry: AuditRecord): void;
}

/** Issues console tickets (docs/consoleProtocol.md); the BFF's relay consumes them. */
export interface ConsolesPort {
  /** A single-use ticket for one VM's console, bound to the session and user; valid 30 s. */
  issue(request: {
    sessionId: string;
    user: SessionUser;
    hostId: string;
    uuid: string;
    alias: string | null;
    kind: ConsoleKind;
  }): string;
}

export interface ApiContext {
  /** The signed-in user, or null. */
  user: SessionUser | null;
  sessionId: string | null;
  /** The request's client: address and user agent. */
  client: ClientInfo;
  auth: AuthPort;
  users: UsersPort;
  sessions: SessionsPort;
  cookies: SessionCookiePort;
  hosts: HostsPort;
  jobs: JobsPort;
  audit: AuditPort;
  consoles: ConsolesPort;
  /** Dangerous vmadm properties the server allows anyway (vmPropertyPolicy.ts); none when absent. */
  allowedVmProperties?: ReadonlySet<string>;
}
