import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AddHostInput, SessionUser } from '@zonedeck/api/schemas';
import { initSim, startSshd, type TestSshd } from '@zonedeck/smartos-sim';

import { AuditLog } from '../audit/auditLog.js';
import { openSecretBox, SECRET_KEY_FILE } from '../crypto/secretBox.js';
import { openDatabase, type Db } from '../db/database.js';
import { HostRegistry } from './hostRegistry.js';
import { HostStore } from './hostStore.js';

// Hosts added as on the hosts page: stored in a real SQLite file, the pasted key sealed, and
// reached over SSH: the simulated host behind a real OpenSSH sshd on loopback.
let dir: string;
let sshd: TestSshd;
let db: Db;
const admin: SessionUser = { id: 'u1', username: 'alice', role: 'admin' };
const OFFICE = ['DHCP', 'MySQL-PerconaDB', 'OCS Inventory NG', 'elk', 'powerdns', 'samba'];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zonedeck-hosts-'));
  await initSim({ root: path.join(dir, 'far'), profile: 'office' });
  sshd = await startSshd({ simRoot: path.join(dir, 'far') });
  db = openDatabase(path.join(dir, 'data'));
}, 60_000);
afterAll(async () => {
  db.close();
  await sshd.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A registry as the BFF builds one at start, over the same database and data directory. */
function startRegistry() {
  const audit = new AuditLog(db);
  const hosts = new HostRegistry({ store: new HostStore(db, openSecretBox(path.join(dir, 'data'))), audit });
  hosts.loadStoredHosts();
  return { hosts, audit };
}

function input(over: Partial<AddHostInput> = {}): AddHostInput {
  return {
    id: 'far',
    name: 'Far host',
    address: sshd.host,
    port: sshd.port,
    username: sshd.username,
    keySource: 'pasted',
    privateKey: sshd.clientKey.toString('utf8'),
    ...over,
  };
}

/** The field a refused input names (the zodError the forms show), or the error code. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'accepted';
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    const cause = err.cause as { issues?: { path: string[] }[] } | undefined;
    return cause?.issues?.[0]?.path.join('.') ?? err.code;
  }
}

describe('hosts added on the hosts page', () => {
  it('refuses bad keys and addresses, naming the field, and stores nothing', async () => {
    const { hosts } = startRegistry();
    try {
      const pubPath = `${sshd.clientKeyPath}.pub`;
      expect(await refusal(hosts.add(admin, input({ keySource: 'path', keyPath: '/nonexistent/key' })))).toBe(
        'keyPath',
      );
      expect(await refusal(hosts.add(admin, input({ keySource: 'path', keyPath: pubPath })))).toBe('keyPath');
      const notAKey = '-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5\n-----END OPENSSH PRIVATE KEY-----';
      expect(await refusal(hosts.add(admin, input({ privateKey: notAKey })))).toBe('privateKey');
      // Nothing listens on port 1.
      expect(await refusal(hosts.add(admin, input({ port: 1 })))).toBe('address');
      expect(db.prepare('SELECT count(*) AS n FROM hosts').get()).toEqual({ n: 0 });
    } finally {
      await hosts.close();
    }
  });

  it('stores a pasted key sealed, and uses the host only once its presented key is confirmed', async () => {
    const { hosts, audit } = startRegistry();
    try {
      const added = await hosts.add(admin, input());
      expect(added).toEqual({ id: 'far', presentedHostKey: sshd.hostKeyFingerprint });

      // Unconfirmed: not offered to pages, and nothing can run there.
      expect(hosts.list().map((h) => h.id)).toEqual([]);
      expect(() => hosts.driver('far')).toThrow(/not confirmed/);
      const [status] = await hosts.status();
      expect(status).toMatchObject({
        id: 'far',
        source: 'console',
        keySource: 'stored',
        keyPath: null,
        state: 'unconfirmed',
        pinnedHostKey: null,
        presentedHostKey: sshd.hostKeyFingerprint,
      });
      expect(JSON.stringify(status)).not.toContain('PRIVATE KEY');

      // The key text is nowhere in the database file, nor in the audit log.
      db.pragma('wal_checkpoint(TRUNCATE)');
      const keyBody = sshd.clientKey.toString('utf8').split('\n')[2] ?? '';
      expect(keyBody.length).toBeGreaterThan(20);
      expect(readFileSync(path.join(dir, 'data', 'zonedeck.sqlite')).includes(Buffer.from(keyBody))).toBe(
        false,
      );
      const entry = audit.list({ limit: 1 })[0];
      expect(entry).toMatchObject({ action: 'host.add', result: 'ok', target: 'far' });
      expect(JSON.stringify(entry)).not.toContain(keyBody);

      // A fingerprint other than the presented one is refused, and nothing is pinned.
      const wrong = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      expect(await refusal(hosts.pin(admin, { hostId: 'far', fingerprint: wrong }))).toBe('CONFLICT');
      expect(hosts.list()).toEqual([]);

      const pinned = await hosts.pin(admin, { hostId: 'far', fingerprint: added.presentedHostKey });
      expect(pinned).toMatchObject({ state: 'connected', pinnedHostKey: sshd.hostKeyFingerprint });
      expect(hosts.list()).toEqual([{ id: 'far', name: 'Far host', transport: 'ssh', simulated: false }]);
      const vms = await hosts.driver('far').listVms();
      expect(vms.map((v) => v.alias).sort()).toEqual(OFFICE);
      expect(audit.list({ limit: 1 })[0]).toMatchObject({ action: 'host.pin', result: 'ok' });
    } finally {
      await hosts.close();
    }
  });

  it('uses a confirmed host again after a restart, and refuses it when its sealed key was altered', async () => {
    let { hosts } = startRegistry();
    try {
      expect((await hosts.driver('far').listVms()).length).toBe(OFFICE.length);
    } finally {
      await hosts.close();
    }

    const { key_sealed: sealed } = db.prepare("SELECT key_sealed FROM hosts WHERE id = 'far'").get() as {
      key_sealed: Buffer;
    };
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0xff;
    db.prepare("UPDATE hosts SET key_sealed = ? WHERE id = 'far'").run(tampered);
    ({ hosts } = startRegistry());
    try {
      expect(hosts.list()).toEqual([]);
      expect(() => hosts.driver('far')).toThrow(/stored private key cannot be used/);
      expect(await hosts.status()).toMatchObject([{ id: 'far', state: 'keyUnusable' }]);
    } finally {
      await hosts.close();
      db.prepare("UPDATE hosts SET key_sealed = ? WHERE id = 'far'").run(sealed);
    }

    // Nor with another key file in the data directory.
    const keyFile = path.join(dir, 'data', SECRET_KEY_FILE);
    const original = readFileSync(keyFile);
    writeFileSync(keyFile, Buffer.alloc(32, 7));
    ({ hosts } = startRegistry());
    try {
      expect(await hosts.status()).toMatchObject([{ id: 'far', state: 'keyUnusable' }]);
    } finally {
      await hosts.close();
      writeFileSync(keyFile, original);
    }
  });

  it('refuses a host whose key changed, naming both fingerprints, until an admin re-pins it', async () => {
    const { hosts } = startRegistry();
    try {
      expect((await hosts.driver('far').listVms()).length).toBe(OFFICE.length);
      const old = sshd.hostKeyFingerprint;
      await sshd.restartWithNewHostKey();
      const changed = sshd.hostKeyFingerprint;
      expect(changed).not.toBe(old);

      await expect(hosts.driver('far').listVms()).rejects.toThrow(
        `has changed: expected ${old}, the host presented ${changed}`,
      );
      const [status] = await hosts.status();
      expect(status).toMatchObject({
        state: 'hostKeyChanged',
        pinnedHostKey: old,
        presentedHostKey: changed,
      });
      expect(status?.message).toContain(changed);

      const repinned = await hosts.pin(admin, { hostId: 'far', fingerprint: changed });
      expect(repinned).toMatchObject({ state: 'connected', pinnedHostKey: changed });
      expect((await hosts.driver('far').listVms()).length).toBe(OFFICE.length);
    } finally {
      await hosts.close();
    }
  });

  it('removes a host and its stored key; the demo and configured hosts are not removable', async () => {
    const { hosts } = startRegistry();
    try {
      expect(await refusal(hosts.add(admin, input()))).toBe('id');
      await hosts.remove(admin, 'far');
      expect(hosts.list()).toEqual([]);
      expect(await hosts.status()).toEqual([]);
      expect(db.prepare('SELECT count(*) AS n FROM hosts').get()).toEqual({ n: 0 });
      expect(await refusal(hosts.remove(admin, 'far'))).toBe('NOT_FOUND');
    } finally {
      await hosts.close();
    }
  });
});
