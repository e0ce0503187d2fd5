import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { initSim, startSshd, type TestSshd } from '@zonedeck/smartos-sim';

import { HostRegistry } from './hostRegistry.js';

// A real SmartOS host over SSH, as configured with ZONEDECK_SSH_*: here the simulated host
// behind a real OpenSSH sshd on loopback.
let dir: string;
let sshd: TestSshd;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zonedeck-sshhost-'));
  await initSim({ root: path.join(dir, 'sim'), profile: 'office' });
  sshd = await startSshd({ simRoot: path.join(dir, 'sim') });
}, 60_000);
afterAll(async () => {
  await sshd.stop();
  rmSync(dir, { recursive: true, force: true });
});

function registryFor(hostKey: string | null) {
  const hosts = new HostRegistry();
  hosts.addSshHost({
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    privateKeyPath: sshd.clientKeyPath,
    hostKey,
  });
  return hosts;
}

describe('a SmartOS host over SSH', () => {
  it('lists its VMs through the same driver once its host key is pinned', async () => {
    const hosts = registryFor(sshd.hostKeyFingerprint);
    try {
      expect(hosts.list()).toEqual([
        { id: 'smartos', name: `${sshd.username}@127.0.0.1`, transport: 'ssh', simulated: false },
      ]);
      const vms = await hosts.driver('smartos').listVms();
      expect(vms.map((v) => v.alias).sort()).toEqual([
        'DHCP',
        'MySQL-PerconaDB',
        'OCS Inventory NG',
        'elk',
        'powerdns',
        'samba',
      ]);
    } finally {
      await hosts.close();
    }
  });

  it('refuses a host whose key is not pinned, naming the key it presented', async () => {
    const hosts = registryFor(null);
    try {
      await expect(hosts.driver('smartos').listVms()).rejects.toThrow(sshd.hostKeyFingerprint);
    } finally {
      await hosts.close();
    }
  });

  it('refuses a host whose key changed', async () => {
    const hosts = registryFor('SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    try {
      await expect(hosts.driver('smartos').listVms()).rejects.toThrow(/host key .* has changed/);
    } finally {
      await hosts.close();
    }
  });
});
