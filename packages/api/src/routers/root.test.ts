import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createHostDriver, createLocalTransport, type HostDriver } from '@zonedeck/smartos';
import { initSim, simEnv } from '@zonedeck/smartos-sim';

import type { ApiContext } from '../context.js';
import type { Role } from '../schemas/common.js';
import { createCaller } from './root.js';

// The routers called without HTTP, with a real driver on the simulated SmartOS host.
let root: string;
let driver: HostDriver;
beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'zonedeck-api-'));
  await initSim({ root, profile: 'office' });
  driver = createHostDriver(createLocalTransport({ env: simEnv(root) }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function notUsed(): never {
  throw new Error('not used in these tests');
}

function callerAs(role: Role | null, events: string[] = []) {
  const ctx: ApiContext = {
    user: role ? { id: 'u1', username: 'alice', role } : null,
    sessionId: role ? 's1' : null,
    client: { address: '192.0.2.1', userAgent: 'test' },
    // Sign-in, users and sessions are the BFF's; their routers are tested there against the real stores.
    auth: {
      login: ({ username, password }) =>
        Promise.resolve(
          username === 'alice' && password === 'right'
            ? {
                status: 'ok' as const,
                sessionId: 's2',
                user: { id: 'u1', username, role: 'viewer' as const },
                expiresAt: new Date(0),
              }
            : { status: 'refused' as const, reason: 'credentials' as const },
        ),
      logout: (sessionId) => void events.push(`logout ${sessionId}`),
      account: notUsed,
      changePassword: notUsed,
      beginTotp: notUsed,
      confirmTotp: notUsed,
      disableTotp: notUsed,
    },
    users: {
      list: notUsed,
      create: notUsed,
      setRole: notUsed,
      setDisabled: notUsed,
      resetPassword: notUsed,
      resetTotp: notUsed,
      unlock: notUsed,
    },
    sessions: { list: notUsed, revoke: notUsed },
    cookies: {
      set: (sessionId) => void events.push(`set ${sessionId}`),
      clear: () => void events.push('clear'),
    },
    hosts: {
      list: () => [{ id: 'sim', name: 'sim', transport: 'local', simulated: true }],
      driver: (hostId) => {
        if (hostId !== 'sim') throw new TRPCError({ code: 'NOT_FOUND', message: `no host "${hostId}"` });
        return driver;
      },
      // One full sync read through the real driver; the BFF's watcher adds the live part.
      vmEvents: async function* () {
        yield { type: 'sync' as const, vms: await driver.listVms() };
      },
      knownVm: () => null,
      refresh: () => undefined,
      // Adding and checking hosts is the BFF's; tested there against SQLite and a real sshd.
      status: () => Promise.resolve([]),
      add: () => Promise.reject(new Error('not used in these tests')),
      pin: () => Promise.reject(new Error('not used in these tests')),
      remove: () => Promise.reject(new Error('not used in these tests')),
    },
    // Jobs and audit are the BFF's; their routers are tested there against the real stores.
    jobs: {
      start: () => {
        throw new Error('not used in these tests');
      },
      list: () => [],
      get: () => null,
      events: async function* () {},
    },
    audit: { list: () => [], record: () => undefined },
    consoles: { issue: ({ kind, uuid }) => `ticket-${kind}-${uuid}` },
  };
  return createCaller(ctx);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof TRPCError ? err.code : String(err);
  }
}

describe('roles', () => {
  it('refuses every procedure but login without a session', async () => {
    const anon = callerAs(null);
    expect(await codeOf(anon.host.list())).toBe('UNAUTHORIZED');
    expect(await codeOf(anon.vm.list({ hostId: 'sim' }))).toBe('UNAUTHORIZED');
    expect(await codeOf(anon.auth.me())).toBe('UNAUTHORIZED');
    expect(await codeOf(anon.auth.logout())).toBe('UNAUTHORIZED');
  });

  it('lets a viewer read', async () => {
    expect(await callerAs('viewer').host.list()).toHaveLength(1);
  });

  it('refuses power actions to a viewer before anything runs', async () => {
    const uuid = '153831fc-2af9-44c8-9ba5-fad507337cc2';
    expect(await codeOf(callerAs('viewer').vm.stop({ hostId: 'sim', uuid }))).toBe('FORBIDDEN');
    expect(await codeOf(callerAs('viewer').vm.start({ hostId: 'sim', uuid }))).toBe('FORBIDDEN');
    expect((await driver.getVm(uuid)).state).toBe('running');
  });

  it('names the field of a bad VM uuid', async () => {
    const err = await callerAs('operator')
      .vm.stop({ hostId: 'sim', uuid: '$(reboot)' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
    expect((err as TRPCError).message).toContain('uuid: not a VM uuid');
  });
});

describe('auth', () => {
  it('sets the session cookie on a good login and refuses a bad one', async () => {
    const events: string[] = [];
    const anon = callerAs(null, events);
    expect(await anon.auth.login({ username: 'alice', password: 'right' })).toEqual({
      status: 'ok',
      user: { id: 'u1', username: 'alice', role: 'viewer' },
    });
    expect(events).toEqual(['set s2']);
    expect(await codeOf(anon.auth.login({ username: 'alice', password: 'wrong' }))).toBe('UNAUTHORIZED');
    expect(events).toEqual(['set s2']);
  });

  it('names the field of bad input', async () => {
    try {
      await callerAs(null).auth.login({ username: '  ', password: 'x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TRPCError);
      expect((err as TRPCError).code).toBe('BAD_REQUEST');
      expect((err as TRPCError).message).toContain('enter a user name');
    }
  });

  it('logs out the caller’s own session and clears the cookie', async () => {
    const events: string[] = [];
    await callerAs('viewer', events).auth.logout();
    expect(events).toEqual(['logout s1', 'clear']);
  });
});

describe('host and vm through the driver on the simulator', () => {
  it('reads the host summary', async () => {
    const summary = await callerAs('viewer').host.summary({ hostId: 'sim' });
    expect(summary.hostname).toBe('smartos');
    expect(summary.memoryMiB).toBe(16349);
    expect(summary.nics.map((n) => n.name)).toEqual(['bge0', 'bge1']);
  });

  it('lists the six VMs of the office host', async () => {
    const vms = await callerAs('viewer').vm.list({ hostId: 'sim' });
    expect(vms.map((v) => v.alias)).toEqual([
      'DHCP',
      'MySQL-PerconaDB',
      'OCS Inventory NG',
      'elk',
      'powerdns',
      'samba',
    ]);
    expect(vms.find((v) => v.alias === 'elk')).toMatchObject({
      brand: 'kvm',
      state: 'running',
      ramMiB: 1024,
    });
  });

  it('streams VM events, a full sync first', async () => {
    const stream = await callerAs('viewer').vm.onEvent({ hostId: 'sim' });
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events).toHaveLength(1);
    expect(events[0]?.type === 'sync' && events[0].vms.map((v) => v.alias).sort()).toEqual(
      ['DHCP', 'MySQL-PerconaDB', 'OCS Inventory NG', 'elk', 'powerdns', 'samba'].sort(),
    );
  });

  it('refuses a malformed host id before touching any host', async () => {
    expect(await codeOf(callerAs('viewer').vm.list({ hostId: '--help' }))).toBe('BAD_REQUEST');
  });

  it('answers NOT_FOUND for an unknown host', async () => {
    expect(await codeOf(callerAs('viewer').vm.list({ hostId: 'nope' }))).toBe('NOT_FOUND');
  });
});
