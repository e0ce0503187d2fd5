import { TRPCError } from '@trpc/server';

import type { HostsPort } from '@zonedeck/api';
import type {
  AddedHost,
  AddHostInput,
  HostEntry,
  HostStatus,
  PinHostKeyInput,
  SessionUser,
} from '@zonedeck/api/schemas';
import type { HostDriver, VmEvent } from '@zonedeck/smartos';
import { bootSim, initSim, isSimInitialised } from '@zonedeck/smartos-sim';

import type { AuditRecord } from '../audit/auditLog.js';
import { watcherEvents } from './eventStream.js';
import { checkTransport, errorText, probeHostKey, type HostCheck, type SshTarget } from './hostChecks.js';
import {
  environmentRecord,
  simulatedRecord,
  storedRecord,
  type HostRecord,
  type LiveHost,
} from './hostRecords.js';
import type { HostStore, StoredHost } from './hostStore.js';
import { fieldError, privateKeyOf } from './privateKeyInput.js';

export interface HostAdminDeps {
  store: HostStore;
  audit: { record(r: AuditRecord): void };
}

/** A host's state is read again at most this often, however many pages ask. */
const STATUS_TTL_MS = 5_000;

/**
 * The hosts this console manages, each with its driver and transport, chosen explicitly per
 * host: the embedded simulated host, the one configured with ZONEDECK_SSH_*, and the ones
 * added on the hosts page (stored in SQLite, used once an admin confirmed their host key).
 */
export class HostRegistry implements HostsPort {
  private readonly hosts = new Map<string, HostRecord>();
  private readonly checks = new Map<string, { at: number; result: Promise<HostStatus> }>();

  constructor(private readonly admin: HostAdminDeps | null = null) {}

  list(): HostEntry[] {
    return [...this.hosts.values()].filter((h) => h.live).map((h) => h.entry);
  }

  driver(hostId: string): HostDriver {
    return this.get(hostId).driver;
  }

  vmEvents(hostId: string, signal: AbortSignal): AsyncIterable<VmEvent> {
    return watcherEvents(this.get(hostId).watcher, signal);
  }

  knownVm(hostId: string, uuid: string) {
    return (
      this.get(hostId)
        .watcher.current()
        ?.find((vm) => vm.uuid === uuid) ?? null
    );
  }

  refresh(hostId: string): void {
    void this.get(hostId).watcher.refresh();
  }

  private get(hostId: string): LiveHost {
    const host = this.hosts.get(hostId);
    if (!host) throw new TRPCError({ code: 'NOT_FOUND', message: `no host "${hostId}"` });
    if (!host.live) {
      const why =
        host.unusable?.message ?? 'its host key is not confirmed yet: an admin confirms it on the Hosts page';
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `host "${hostId}" is not in use: ${why}` });
    }
    return host.live;
  }

  /** Adds the embedded simulated SmartOS host, seeding its state directory on first start. */
  async addSimulatedHost(root: string, profile: 'office' | 'large'): Promise<void> {
    if (!isSimInitialised(root)) await initSim({ root, profile });
    // Like a SmartOS box coming up: running KVM and bhyve guests get their guest processes.
    await bootSim(root);
    this.hosts.set('sim', simulatedRecord(root));
  }

  /** Adds the real SmartOS host of ZONEDECK_SSH_* (see hostRecords.ts). */
  addSshHost(opts: Parameters<typeof environmentRecord>[0]): void {
    this.hosts.set('smartos', environmentRecord(opts));
  }

  /** Adds the hosts stored on the hosts page; the confirmed ones are used at once. */
  loadStoredHosts(): void {
    for (const stored of this.requireAdmin().store.list()) this.setStored(stored);
  }

  private setStored(stored: StoredHost): void {
    this.hosts.set(stored.id, storedRecord(stored, this.requireAdmin().store));
  }

  async status(): Promise<HostStatus[]> {
    return Promise.all([...this.hosts.keys()].map((id) => this.statusOf(id)));
  }

  private statusOf(id: string): Promise<HostStatus> {
    const cached = this.checks.get(id);
    if (cached && Date.now() - cached.at < STATUS_TTL_MS) return cached.result;
    const result = this.check(id);
    this.checks.set(id, { at: Date.now(), result });
    return result;
  }

  private async check(id: string): Promise<HostStatus> {
    const record = this.hosts.get(id);
    if (!record) throw new TRPCError({ code: 'NOT_FOUND', message: `no host "${id}"` });
    let check: HostCheck;
    if (record.unusable) check = record.unusable;
    else if (record.live) check = await checkTransport(record.live.transport, record.info.pinnedHostKey);
    else if (record.target) check = await probeHostKey(record.target);
    else throw new Error(`host ${id} has neither a transport nor an address`);
    return { ...record.info, ...check, checkedAt: new Date().toISOString() };
  }

  async add(user: SessionUser, input: AddHostInput): Promise<AddedHost> {
    const { store, audit } = this.requireAdmin();
    const args = {
      id: input.id,
      name: input.name,
      address: input.address,
      port: input.port,
      username: input.username,
      keySource: input.keySource,
      ...(input.keySource === 'path' ? { keyPath: input.keyPath } : {}),
    };
    const record = (result: AuditRecord['result'], detail: string) =>
      audit.record({ user, action: 'host.add', hostId: input.id, target: input.id, args, result, detail });
    try {
      if (this.hosts.has(input.id)) throw fieldError('id', `a host with the id "${input.id}" exists`);
      const key = await privateKeyOf(input);
      const target: SshTarget = {
        host: input.address,
        port: input.port,
        username: input.username,
        ...(key.source === 'path' ? { privateKeyPath: key.path } : { privateKey: key.privateKey }),
      };
      const probe = await probeHostKey(target);
      if (probe.presentedHostKey === null) {
        throw fieldError('address', probe.message ?? 'the host did not answer');
      }
      const stored = this.storeNew(store, {
        id: input.id,
        name: input.name,
        address: input.address,
        port: input.port,
        username: input.username,
        key,
      });
      this.setStored(stored);
      this.checks.delete(stored.id);
      record('ok', `the host presented ${probe.presentedHostKey}; not used until an admin confirms it`);
      return { id: stored.id, presentedHostKey: probe.presentedHostKey };
    } catch (err) {
      record('error', errorText(err));
      throw err;
    }
  }

  async pin(user: SessionUser, input: PinHostKeyInput): Promise<HostStatus> {
    const { store, audit } = this.requireAdmin();
    const host = this.hosts.get(input.hostId);
    const previous = host?.info.pinnedHostKey ?? null;
    const args = { fingerprint: input.fingerprint, previous };
    const record = (result: AuditRecord['result'], detail: string) =>
      audit.record({
        user,
        action: 'host.pin',
        hostId: input.hostId,
        target: input.hostId,
        args,
        result,
        detail,
      });
    try {
      if (!host) throw new TRPCError({ code: 'NOT_FOUND', message: `no host "${input.hostId}"` });
      if (host.info.source !== 'console') {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message:
            host.info.source === 'environment'
              ? 'this host is configured by ZONEDECK_SSH_HOST_KEY; change it there'
              : 'the simulated host has no host key',
        });
      }
      if (host.unusable || !host.target) {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: host.unusable?.message ?? 'this host has no key to log in with',
        });
      }
      // Pin only what the host presents now: a key that changed since the admin looked is refused.
      const probe = await probeHostKey(host.target);
      if (probe.presentedHostKey === null) {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: probe.message ?? 'the host did not answer',
        });
      }
      if (probe.presentedHostKey !== input.fingerprint) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `the host now presents ${probe.presentedHostKey}, not the ${input.fingerprint} you confirmed; nothing was pinned`,
        });
      }
      store.pin(input.hostId, input.fingerprint);
      await host.live?.close();
      const stored = store.get(input.hostId);
      if (!stored) throw new TRPCError({ code: 'NOT_FOUND', message: `no host "${input.hostId}"` });
      this.setStored(stored);
      this.checks.delete(input.hostId);
      record('ok', previous ? `re-pinned: was ${previous}` : 'pinned on first use');
      return await this.statusOf(input.hostId);
    } catch (err) {
      record(err instanceof TRPCError && err.code === 'CONFLICT' ? 'refused' : 'error', errorText(err));
      throw err;
    }
  }

  async remove(user: SessionUser, hostId: string): Promise<void> {
    const { store, audit } = this.requireAdmin();
    const host = this.hosts.get(hostId);
    const record = (result: AuditRecord['result'], detail: string | null) =>
      audit.record({ user, action: 'host.remove', hostId, target: hostId, args: {}, result, detail });
    if (!host || host.info.source !== 'console') {
      const err = new TRPCError({
        code: host ? 'BAD_REQUEST' : 'NOT_FOUND',
        message: host ? 'only hosts added on the Hosts page can be removed here' : `no host "${hostId}"`,
      });
      record('error', err.message);
      throw err;
    }
    this.hosts.delete(hostId);
    this.checks.delete(hostId);
    await host.live?.close();
    store.remove(hostId);
    record('ok', `${host.info.username ?? ''}@${host.info.address ?? ''}:${host.info.port ?? ''}`);
  }

  /** Stores a new host; an id taken meanwhile (two admins at once) is refused at the id field. */
  private storeNew(store: HostStore, host: Parameters<HostStore['add']>[0]): StoredHost {
    try {
      return store.add(host);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw fieldError('id', `a host with the id "${host.id}" exists`);
      }
      throw err;
    }
  }

  private requireAdmin(): HostAdminDeps {
    if (!this.admin) throw new Error('this host registry has no store: hosts cannot be added');
    return this.admin;
  }

  async close(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((h) => h.live?.close() ?? Promise.resolve()));
    this.hosts.clear();
    this.checks.clear();
  }
}
