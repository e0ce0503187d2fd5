/**
 * The host watcher over SSH when the host goes away: sshd killed under a `vmadm events`
 * stream is a link down; once sshd is back the watcher reconnects and sends a full sync
 * with the current state, including a change made while the link was down.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { simEnv } from '@zonedeck/smartos-sim';

import { DHCP } from '../../test/contractSubject.js';
import { openSimHost, type SimHost } from '../../test/simHosts.js';
import { isSync, record, watch } from '../../test/watcherCases.js';
import { createHostDriver } from '../hostDriver.js';
import type { VmEvent } from '../model/vmEvent.js';
import { createLocalTransport } from '../transport/localTransport.js';

const dir = mkdtempSync(join(tmpdir(), 'zonedeck-watcher-ssh-'));
let host: SimHost;
beforeAll(async () => {
  host = await openSimHost('ssh', join(dir, 'sim'));
}, 60_000);
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

const isLink =
  (up: boolean) =>
  (e: VmEvent): e is Extract<VmEvent, { type: 'link' }> =>
    e.type === 'link' && e.up === up;

describe('the host watcher over SSH', () => {
  it('reports the link down when sshd dies, and resyncs in full once it is back', async () => {
    const sshd = host.sshd;
    if (!sshd) throw new Error('an ssh host has its sshd');
    const watcher = watch(createHostDriver(host.transport), 100);
    const seen = record(watcher);
    // the host's own console, not through sshd
    const local = createLocalTransport({ env: { ...simEnv(host.root), SMARTOS_SIM_SPEED: '50' } });
    try {
      const first = await seen.next(isSync);
      expect(watcher.mode()).toBe('events');
      expect(first.vms.find((vm) => vm.uuid === DHCP)?.state).toBe('running');

      await sshd.kill();
      const down = seen.events.length;
      await seen.next(isLink(false));
      expect(seen.events.slice(down).every((e) => e.type === 'link')).toBe(true);
      // changed while the link is down: only a full resync can tell
      expect((await local.exec({ argv: ['vmadm', 'stop', DHCP], timeoutMs: 30_000 })).exitCode).toBe(0);

      await sshd.restart();
      const back = seen.events.findIndex(isLink(false));
      await seen.next(isLink(true), back);
      const resync = await seen.next(isSync, back);
      expect(resync.vms.find((vm) => vm.uuid === DHCP)?.state).toBe('stopped');
      expect(watcher.mode()).toBe('events');
    } finally {
      seen.unsubscribe();
      watcher.stop();
      await local.exec({ argv: ['vmadm', 'start', DHCP], timeoutMs: 30_000 });
      await local.close();
    }
  }, 60_000);
});
