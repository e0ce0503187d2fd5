/**
 * One record per host the console knows, built from where the host comes from: the embedded
 * simulated host, ZONEDECK_SSH_*, or a row of the hosts table. A record has a live driver and
 * watcher only while pages may use the host.
 */
import type { HostEntry, HostStatus } from '@zonedeck/api/schemas';
import {
  createHostDriver,
  createHostWatcher,
  createLocalTransport,
  createSshTransport,
  type HostDriver,
  type HostWatcher,
  type Transport,
} from '@zonedeck/smartos';
import { simEnv } from '@zonedeck/smartos-sim';

import { errorText, type HostCheck, type SshTarget } from './hostChecks.js';
import type { HostStore, StoredHost } from './hostStore.js';

export interface LiveHost {
  driver: HostDriver;
  /** One watcher per host, shared by every browser that listens. */
  watcher: HostWatcher;
  transport: Transport & { readonly hostKeyFingerprint?: string | undefined };
  close(): Promise<void>;
}

/** What the hosts page shows of a host besides its state. */
export type HostInfo = Omit<HostStatus, 'state' | 'message' | 'presentedHostKey' | 'checkedAt'>;

export interface HostRecord {
  entry: HostEntry;
  info: HostInfo;
  /** Set while pages can use the host: the simulated one, and SSH hosts with a key to use. */
  live: LiveHost | null;
  /** Why a stored host has no transport (its key does not decrypt…). */
  unusable: HostCheck | null;
  /** Where to read a not yet confirmed host's key from. */
  target: SshTarget | null;
}

/**
 * The embedded simulated SmartOS host. The driver reaches it exactly as it reaches a real host
 * in the global zone: a LocalTransport running `vmadm`, `sysinfo`… found on PATH.
 */
export function simulatedRecord(root: string): HostRecord {
  const entry: HostEntry = { id: 'sim', name: 'Simulated SmartOS host', transport: 'local', simulated: true };
  return {
    entry,
    info: {
      id: entry.id,
      name: entry.name,
      source: 'demo',
      address: null,
      port: null,
      username: null,
      keySource: null,
      keyPath: null,
      pinnedHostKey: null,
    },
    live: startLive(createLocalTransport({ env: simEnv(root) })),
    unusable: null,
    target: null,
  };
}

/**
 * The real SmartOS host of ZONEDECK_SSH_*. Its host key must be pinned there: with none given,
 * every command is refused with a message naming the fingerprint the host presented.
 */
export function environmentRecord(opts: {
  host: string;
  port: number;
  username: string;
  privateKeyPath: string;
  hostKey: string | null;
}): HostRecord {
  const entry: HostEntry = {
    id: 'smartos',
    name: `${opts.username}@${opts.host}`,
    transport: 'ssh',
    simulated: false,
  };
  const target: SshTarget = {
    host: opts.host,
    port: opts.port,
    username: opts.username,
    privateKeyPath: opts.privateKeyPath,
  };
  return {
    entry,
    info: {
      id: entry.id,
      name: entry.name,
      source: 'environment',
      address: opts.host,
      port: opts.port,
      username: opts.username,
      keySource: 'path',
      keyPath: opts.privateKeyPath,
      pinnedHostKey: opts.hostKey,
    },
    live: startLive(
      createSshTransport({ ...target, ...(opts.hostKey ? { knownHostKey: opts.hostKey } : {}) }),
    ),
    unusable: null,
    target,
  };
}

/** A host added on the hosts page: live once its host key is pinned and its key opens. */
export function storedRecord(stored: StoredHost, store: HostStore): HostRecord {
  const record: HostRecord = {
    entry: { id: stored.id, name: stored.name, transport: 'ssh', simulated: false },
    info: {
      id: stored.id,
      name: stored.name,
      source: 'console',
      address: stored.address,
      port: stored.port,
      username: stored.username,
      keySource: stored.key.source,
      keyPath: stored.key.source === 'path' ? stored.key.path : null,
      pinnedHostKey: stored.hostKey,
    },
    live: null,
    unusable: null,
    target: null,
  };
  try {
    record.target = {
      host: stored.address,
      port: stored.port,
      username: stored.username,
      ...store.privateKeyOf(stored),
    };
  } catch (err) {
    // A sealed key that does not open: refused, whatever else the row says.
    record.unusable = {
      state: 'keyUnusable',
      message: `the stored private key cannot be used: ${errorText(err)}`,
      presentedHostKey: null,
    };
  }
  if (record.target && stored.hostKey) {
    record.live = startLive(createSshTransport({ ...record.target, knownHostKey: stored.hostKey }));
  }
  return record;
}

function startLive(transport: LiveHost['transport']): LiveHost {
  const driver = createHostDriver(transport);
  const watcher = createHostWatcher({
    listVms: (o) => driver.listVms(o),
    events: (h) => driver.watchVmEvents(h),
  });
  return {
    driver,
    watcher,
    transport,
    close: () => {
      watcher.stop();
      return transport.close();
    },
  };
}
