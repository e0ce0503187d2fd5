import { describe, expect, it } from 'vitest';

import { fixture, fixturesFor } from '../../test/fixtureFiles.js';
import { isSmartosError } from '../errors.js';
import { parseVmadmGet } from './vmadmGet.js';

const getFixtures = fixturesFor('vmadm', 'get').filter((f) => f.stream === 'stdout');

describe('parseVmadmGet on every vmadm get sample', () => {
  it('has the four samples', () => {
    expect(getFixtures.map((f) => f.file)).toEqual([
      'vmadm-get-joyent-delegated.json',
      'vmadm-get-joyent.json',
      'vmadm-get-kvm-elk.json',
      'vmadm-get-kvm.json',
    ]);
  });

  it.each(getFixtures.map((f) => f.file))('%s: the VM asked for, with every property kept', (file) => {
    const { argv, text } = fixture(file);
    const vm = parseVmadmGet(text);
    expect(vm.uuid).toBe(argv[2]);
    expect(vm.zonename).toBe(vm.uuid);
    expect(vm.state).toBe('running');
    expect(Object.keys(vm).sort()).toEqual(Object.keys(JSON.parse(text) as object).sort());
    expect(vm.nics?.length).toBeGreaterThan(0);
  });

  it('reads the DHCP zone (joyent)', () => {
    const vm = parseVmadmGet(fixture('vmadm-get-joyent.json').text);
    expect(vm).toMatchObject({
      alias: 'DHCP',
      brand: 'joyent',
      max_physical_memory: 64,
      quota: 5,
      image_uuid: 'c193a558-1d63-11e9-97cf-97bb3ee5c14f',
      zonepath: '/zones/2321c688-e15e-4c6f-bc07-b2f7ff772c18',
      boot_timestamp: '2024-02-10T08:01:12.000Z',
      autoboot: true,
    });
    expect(vm.ram).toBeUndefined();
    expect(vm.nics?.[0]).toMatchObject({
      interface: 'net0',
      ip: '192.168.1.5',
      nic_tag: 'admin',
      primary: true,
    });
    expect(vm.customer_metadata?.['user-script']).toContain('mdata-get');
    // not typed by the schema, still there
    expect(vm['limit_priv']).toBe('default');
  });

  it('reads the samba zone with its delegated dataset', () => {
    const vm = parseVmadmGet(fixture('vmadm-get-joyent-delegated.json').text);
    expect(vm.alias).toBe('samba');
    expect(vm['delegate_dataset']).toBe(true);
    expect(vm['datasets']).toEqual(['zones/153831fc-2af9-44c8-9ba5-fad507337cc2/data']);
  });

  it('reads the KVM guest "OCS Inventory NG" with its disks and VNC port', () => {
    const vm = parseVmadmGet(fixture('vmadm-get-kvm.json').text);
    expect(vm).toMatchObject({
      alias: 'OCS Inventory NG',
      brand: 'kvm',
      ram: 1024,
      vcpus: 2,
      vnc_port: 5901,
    });
    expect(vm.disks?.map((d) => [d.boot, d.size, d.model])).toEqual([
      [true, 10240, 'virtio'],
      [false, 20480, 'virtio'],
    ]);
    expect(vm.disks?.[0]?.image_uuid).toBe('ac99517a-72ac-44c0-90e6-c7ce3d944a0a');
  });

  it('reads the elk KVM guest', () => {
    expect(parseVmadmGet(fixture('vmadm-get-kvm-elk.json').text)).toMatchObject({
      alias: 'elk',
      brand: 'kvm',
    });
  });
});

describe('parseVmadmGet edge cases', () => {
  const minimal = { uuid: 'aaaaaaaa-0000-4000-8000-000000000001', brand: 'bhyve', state: 'stopped' };

  it('keeps properties of newer platforms (bhyve disks with pci_slot, flexible_disk_size)', () => {
    const vm = parseVmadmGet(
      JSON.stringify({
        ...minimal,
        bootrom: 'uefi',
        flexible_disk_size: 40960,
        exit_status: 0,
        disks: [{ path: '/dev/zvol/rdsk/zones/x/disk0', pci_slot: '0:4:0', uuid: 'd', future: 1 }],
        snapshots: [{ name: 'before', create_timestamp: '2024-02-10T08:01:12.000Z' }],
      }),
    );
    expect(vm.bootrom).toBe('uefi');
    expect(vm['flexible_disk_size']).toBe(40960);
    expect(vm.disks?.[0]).toEqual({
      path: '/dev/zvol/rdsk/zones/x/disk0',
      pci_slot: '0:4:0',
      uuid: 'd',
      future: 1,
    });
    expect(vm.snapshots?.[0]?.name).toBe('before');
  });

  it('drops an optional property of an unexpected type instead of failing the VM', () => {
    const vm = parseVmadmGet(
      JSON.stringify({ ...minimal, quota: 'lots', nics: [{ mac: 1, ip: '10.0.0.2' }] }),
    );
    expect(vm.quota).toBeUndefined();
    expect(vm.nics?.[0]?.ip).toBe('10.0.0.2');
    expect(vm.nics?.[0]?.mac).toBeUndefined();
  });

  it('keeps unicode aliases', () => {
    expect(parseVmadmGet(JSON.stringify({ ...minimal, alias: 'Zürich: 🚀 "db"' })).alias).toBe(
      'Zürich: 🚀 "db"',
    );
  });

  it.each([
    ['not JSON', 'zoneadm: x: No such zone configured'],
    ['an empty output', ''],
    ['a VM without a uuid', JSON.stringify({ brand: 'kvm', state: 'running' })],
    ['an array', '[]'],
  ])('refuses %s with a ParseError', (_what, text) => {
    let caught: unknown;
    try {
      parseVmadmGet(text);
    } catch (err) {
      caught = err;
    }
    expect(isSmartosError(caught, 'ParseError')).toBe(true);
  });
});
