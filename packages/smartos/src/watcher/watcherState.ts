/**
 * What a host watcher knows: the last full VM list and whether the link is up, turned into
 * VmEvents as news arrives (a full list, one VM, a removal, the link going or coming back).
 */
import type { VmSummary } from '../model/vm.js';
import type { VmEvent } from '../model/vmEvent.js';
import { byUuid, diffVms } from './vmDiff.js';

export class WatcherState {
  /** null before the first full list and after a dropped link: the next list is a `sync`. */
  known: Map<string, VmSummary> | null = null;
  private linkUp = true;

  constructor(private readonly emit: (event: VmEvent) => void) {}

  /** A full list: a `sync` when nothing is known, otherwise what changed. */
  list(vms: readonly VmSummary[]): void {
    const before = this.known;
    this.known = byUuid(vms);
    if (before === null) this.emit({ type: 'sync', vms: [...vms] });
    else for (const event of diffVms(before, vms)) this.emit(event);
  }

  /** One VM as it is now (created or modified); ignored until a full list is known. */
  upsert(vm: VmSummary): void {
    if (this.known === null) return;
    const old = this.known.get(vm.uuid);
    this.known.set(vm.uuid, vm);
    for (const event of diffVms(new Map(old ? [[vm.uuid, old]] : []), [vm])) this.emit(event);
  }

  remove(uuid: string): void {
    if (this.known?.delete(uuid)) this.emit({ type: 'removed', uuid });
  }

  up(): void {
    if (this.linkUp) return;
    this.linkUp = true;
    this.emit({ type: 'link', up: true, reason: null });
  }

  /** The host stopped answering: report it once, and resync in full when it answers again. */
  down(reason: string): void {
    this.known = null;
    if (!this.linkUp) return;
    this.linkUp = false;
    this.emit({ type: 'link', up: false, reason });
  }
}

export function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The wait before retry number `failures` (1, 2, …): doubling from base, at most max. */
export function backoff(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** failures);
}

/** How the watcher keeps its state current: polling, or a stream of host events. */
export interface WatchEngine {
  /** Someone listens: start (or go on) watching. */
  wake(): void;
  /** Nobody listens: stop watching until the next wake. */
  idle(): void;
  /** Reads the host now. */
  refresh(): Promise<void>;
  stop(): void;
}
