import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixturesDir, freshRoot, run } from '../../test/simHarness.js';
import { LARGE_VM_COUNT, largeSeed } from './large.js';
import { officeSeed } from './office.js';

afterAll(cleanupRoots);

const keysOf = (file: string): string[] =>
  Object.keys(JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as object);

describe('office profile', () => {
  it('holds the fixture VMs verbatim and six VMs in all', () => {
    const vms = officeSeed().vms;
    expect(vms.map((vm) => vm.alias)).toEqual([
      'DHCP',
      'samba',
      'powerdns',
      'MySQL-PerconaDB',
      'OCS Inventory NG',
      'elk',
    ]);
    const byUuid = new Map(vms.map((vm) => [vm.uuid, vm]));
    for (const file of [
      'vmadm-get-joyent.json',
      'vmadm-get-joyent-delegated.json',
      'vmadm-get-kvm.json',
      'vmadm-get-kvm-elk.json',
    ]) {
      const fx = JSON.parse(fixture(file)) as Record<string, unknown>;
      expect(byUuid.get(String(fx.uuid))).toEqual(fx);
    }
  });

  it('builds powerdns and MySQL-PerconaDB in the OS-zone shape of the fixtures, cpu_cap after max_swap', () => {
    const vms = officeSeed().vms;
    const dhcpKeys = keysOf('vmadm-get-joyent.json');
    for (const alias of ['powerdns', 'MySQL-PerconaDB']) {
      const vm = vms.find((v) => v.alias === alias);
      const keys = Object.keys(vm ?? {});
      expect(keys.filter((k) => k !== 'cpu_cap')).toEqual(dhcpKeys);
      expect(keys[keys.indexOf('max_swap') + 1]).toBe('cpu_cap');
    }
  });

  it('agrees with the dladm VNIC fixture: zoneid and MAC of every running zone', () => {
    const vms = officeSeed().vms;
    const rows = fixture('dladm-show-vnic-p.txt').trimEnd().split('\n');
    for (const row of rows) {
      const [link = '', , macEscaped = '', , zone = ''] = row.split(/(?<!\\):/);
      const vm = vms.find((v) => v.uuid === zone);
      const nic = (vm?.nics as Record<string, unknown>[] | undefined)?.[0];
      expect(vm?.zoneid).toBe(Number(link.slice(1, link.indexOf('_'))));
      const mac = String(nic?.mac)
        .split(':')
        .map((o) => parseInt(o, 16).toString(16))
        .join(':');
      expect(mac).toBe(macEscaped.replaceAll('\\:', ':'));
    }
  });
});

describe('large profile', () => {
  it('is deterministic and has 2,000 VMs of every brand in varied states', () => {
    const a = largeSeed();
    const b = largeSeed();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.vms).toHaveLength(LARGE_VM_COUNT);
    expect(new Set(a.vms.map((vm) => vm.brand))).toEqual(new Set(['joyent', 'lx', 'kvm', 'bhyve']));
    expect(new Set(a.vms.map((vm) => vm.state))).toEqual(
      new Set(['running', 'stopped', 'failed', 'provisioning']),
    );
    expect(new Set(a.vms.map((vm) => vm.uuid)).size).toBe(LARGE_VM_COUNT);
    const zoneids = a.vms.filter((vm) => vm.zoneid !== undefined).map((vm) => vm.zoneid);
    expect(new Set(zoneids).size).toBe(zoneids.length);
  });

  it('builds kvm and OS zones with the key order of the fixtures', () => {
    const { vms } = largeSeed(200);
    const running = (brand: string) =>
      vms.find(
        (vm) =>
          vm.brand === brand &&
          vm.state === 'running' &&
          vm.cpu_cap === undefined &&
          vm.alias !== undefined &&
          (vm.disks as unknown[] | undefined)?.length !== 1,
      );
    const kvmKeys = keysOf('vmadm-get-kvm.json').filter((k) => k !== 'vnc_port');
    expect(Object.keys(running('kvm') ?? {})).toEqual(kvmKeys);
    expect(Object.keys(running('joyent') ?? {})).toEqual(keysOf('vmadm-get-joyent.json'));
  });

  // How fast this is, is measured in bench/ (timed unit tests are noise on a shared machine).
  it('lists all 2,000 VMs of the large profile with vmadm list -p', async () => {
    const root = await freshRoot('large');
    const r = await run(root, ['vmadm', 'list', '-p']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(LARGE_VM_COUNT);
  });
});
