/**
 * Contract cases for the host watcher over each transport: a `vmadm events -jr` stream whose
 * `ready` agrees with listVms and which sees another process's `vmadm stop`, and the fall
 * back to polling on a host whose vmadm has no `events`.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect } from 'vitest';

import { createHostDriver, type HostDriver } from '../src/hostDriver.js';
import type { VmEvent } from '../src/model/vmEvent.js';
import { createHostWatcher, type HostWatcher } from '../src/watcher/hostWatcher.js';
import { DHCP, type Case } from './contractSubject.js';

export function watch(driver: HostDriver, intervalMs = 100): HostWatcher {
  return createHostWatcher({
    listVms: (o) => driver.listVms(o),
    events: (h) => driver.watchVmEvents(h),
    intervalMs,
    maxBackoffMs: 1_000,
  });
}

/** Every event a watcher reports, with a way to wait for one. */
export function record(watcher: HostWatcher) {
  const events: VmEvent[] = [];
  const waiters: (() => void)[] = [];
  const unsubscribe = watcher.subscribe((event) => {
    events.push(event);
    for (const w of waiters.splice(0)) w();
  });
  return {
    events,
    unsubscribe,
    /** The first event from `from` on that matches, once it arrived. */
    async next<T extends VmEvent>(match: (e: VmEvent) => e is T, from = 0, ms = 15_000): Promise<T> {
      const end = Date.now() + ms;
      for (;;) {
        const found = events.slice(from).find(match);
        if (found) return found;
        if (Date.now() > end) throw new Error(`no such event in ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
  };
}

export const isSync = (e: VmEvent): e is Extract<VmEvent, { type: 'sync' }> => e.type === 'sync';
export const isStopped =
  (uuid: string) =>
  (e: VmEvent): e is Extract<VmEvent, { type: 'changed' }> =>
    e.type === 'changed' && e.vm.uuid === uuid && e.vm.state === 'stopped';
const byUuid = <T extends { uuid: string }>(vms: T[]) =>
  [...vms].sort((a, b) => a.uuid.localeCompare(b.uuid));

export const WATCHER_CASES: Case[] = [
  {
    name: 'the watcher follows vmadm events: ready agrees with listVms, and another process’s stop is a change',
    async run({ driver, transport, execs }) {
      const watcher = watch(driver);
      const seen = record(watcher);
      try {
        const sync = await seen.next(isSync);
        expect(watcher.mode()).toBe('events');
        expect(execs).toContainEqual(['vmadm', 'events', '-j', '-r']);
        expect(byUuid(sync.vms)).toEqual(byUuid(await driver.listVms()));
        const from = seen.events.length;
        // another process, not the watcher's stream or driver
        const stop = await transport.exec({ argv: ['vmadm', 'stop', DHCP], timeoutMs: 30_000 });
        expect(stop.exitCode).toBe(0);
        const changed = await seen.next(isStopped(DHCP), from);
        expect(changed.fields).toContain('state');
        expect(seen.events.slice(from).some((e) => e.type === 'link' || e.type === 'sync')).toBe(false);
      } finally {
        seen.unsubscribe();
        watcher.stop();
        await driver.startVm(DHCP);
      }
    },
  },
  {
    name: 'on a host whose vmadm has no `events` the watcher polls, and sees the same change',
    async run({ transport, dir }) {
      // an older vmadm: `events` is an unknown command, everything else is the simulator's
      const old = join(dir, 'vmadm-old');
      writeFileSync(
        old,
        '#!/bin/sh\nif [ "$1" = events ]; then echo "Invalid command: \\"events\\"" >&2; exit 1; fi\nexec vmadm "$@"\n',
      );
      chmodSync(old, 0o755);
      const driver = createHostDriver(transport, { commands: { vmadm: old } });
      const watcher = watch(driver);
      const seen = record(watcher);
      try {
        await seen.next(isSync);
        expect(watcher.mode()).toBe('polling');
        const from = seen.events.length;
        await driver.stopVm(DHCP);
        await seen.next(isStopped(DHCP), from);
      } finally {
        seen.unsubscribe();
        watcher.stop();
        await driver.startVm(DHCP);
      }
    },
  },
];
