import { TRPCError } from '@trpc/server';

import type { HostsPort } from '@zonedeck/api';
import type { HostEntry } from '@zonedeck/api/schemas';
import {
  createHostDriver,
  createHostWatcher,
  createLocalTransport,
  createSshTransport,
  type HostDriver,
  type HostWatcher,
  type Transport,
  type VmEvent,
} from '@zonedeck/smartos';
import { bootSim, initSim, isSimInitialised, simEnv } from '@zonedeck/smartos-sim';

import { watcherEvents } from './eventStream.js';

interface RegisteredHost {
  entry: HostEntry;
  driver: HostDriver;
  /** One watcher per host, shared by every browser that listens. */
  watcher: HostWatcher;
  close(): Promise<void>;
}

/** The hosts this console manages, each with its driver and transport, chosen explicitly per host. */
export class HostRegistry implements HostsPort {
  private readonly hosts = new Map<string, RegisteredHost>();

  list(): HostEntry[] {
    return [...this.hosts.values()].map((h) => h.entry);
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

  private get(hostId: string): RegisteredHost {
    const host = this.hosts.get(hostId);
    if (!host) throw new TRPCError({ code: 'NOT_FOUND', message: `no host "${hostId}"` });
    return host;
  }

  /**
   * Adds the embedded simulated SmartOS host, seeding its state directory on first start.
   * The driver reaches it exactly as it reaches a real host in the global zone: a
   * LocalTransport running `vmadm`, `sysinfo`… found on PATH.
   */
  async addSimulatedHost(root: string, profile: 'office' | 'large'): Promise<void> {
    if (!isSimInitialised(root)) await initSim({ root, profile });
    // Like a SmartOS box coming up: running KVM and bhyve guests get their guest processes.
    await bootSim(root);
    this.register(
      { id: 'sim', name: 'Simulated SmartOS host', transport: 'local', simulated: true },
      createLocalTransport({ env: simEnv(root) }),
    );
  }

  /**
   * Adds a real SmartOS host reached over SSH. Its host key must be pinned: with none given,
   * every command is refused with a message naming the fingerprint the host presented, for
   * the admin to check and configure.
   */
  addSshHost(opts: {
    host: string;
    port: number;
    username: string;
    privateKeyPath: string;
    hostKey: string | null;
  }): void {
    const transport = createSshTransport({
      host: opts.host,
      port: opts.port,
      username: opts.username,
      privateKeyPath: opts.privateKeyPath,
      ...(opts.hostKey ? { knownHostKey: opts.hostKey } : {}),
    });
    this.register(
      { id: 'smartos', name: `${opts.username}@${opts.host}`, transport: 'ssh', simulated: false },
      transport,
    );
  }

  private register(entry: HostEntry, transport: Transport): void {
    const driver = createHostDriver(transport);
    const watcher = createHostWatcher({
      listVms: (o) => driver.listVms(o),
      events: (h) => driver.watchVmEvents(h),
    });
    this.hosts.set(entry.id, {
      entry,
      driver,
      watcher,
      close: () => {
        watcher.stop();
        return transport.close();
      },
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((h) => h.close()));
    this.hosts.clear();
  }
}
