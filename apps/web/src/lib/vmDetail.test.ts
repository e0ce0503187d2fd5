import { describe, expect, it } from 'vitest';

import type { Job, VmDetail } from '@zonedeck/api/schemas';

import { jobsThatEnded, snapshotsNewerThan, vmDatasets, vmNics, vmRamMiB, vmSnapshots } from './vmDetail';

const zone: VmDetail = {
  uuid: '153831fc-2af9-44c8-9ba5-fad507337cc2',
  brand: 'joyent',
  state: 'running',
  alias: 'samba',
  max_physical_memory: 256,
  zfs_filesystem: 'zones/153831fc-2af9-44c8-9ba5-fad507337cc2',
  datasets: ['zones/153831fc-2af9-44c8-9ba5-fad507337cc2/data'],
  nics: [{ interface: 'net0', nic_tag: 'admin', ip: '192.168.1.6', gateway: '192.168.1.1', primary: true }],
  snapshots: [
    { name: 'b', created_at: '2024-02-11T00:00:00Z' },
    { name: 'a', created_at: '2024-02-10T00:00:00Z', size: 1024 },
    { name: 'c', created_at: '2024-02-12T00:00:00Z' },
    { bogus: true },
  ],
};

const kvm: VmDetail = {
  uuid: '6a9d35d3-d522-4310-a724-fc38c59cd7e5',
  brand: 'kvm',
  state: 'running',
  ram: 1024,
  max_physical_memory: 2048,
  zfs_filesystem: 'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5',
  disks: [
    { zfs_filesystem: 'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk0', size: 10240, boot: true },
    { zfs_filesystem: 'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk1', size: 51200 },
  ],
};

describe('vmDetail readers', () => {
  it('reads RAM from the brand’s own property', () => {
    expect(vmRamMiB(zone)).toBe(256);
    expect(vmRamMiB(kvm)).toBe(1024);
  });

  it('lists snapshots oldest first and skips entries without a name', () => {
    expect(vmSnapshots(zone).map((s) => s.name)).toEqual(['a', 'b', 'c']);
    expect(vmSnapshots(zone)[0]).toEqual({ name: 'a', createdAt: '2024-02-10T00:00:00Z', size: 1024 });
    expect(vmSnapshots(kvm)).toEqual([]);
  });

  it('knows which snapshots a rollback destroys', () => {
    const list = vmSnapshots(zone);
    expect(snapshotsNewerThan(list, 'a').map((s) => s.name)).toEqual(['b', 'c']);
    expect(snapshotsNewerThan(list, 'c')).toEqual([]);
    expect(snapshotsNewerThan(list, 'nope')).toEqual([]);
  });

  it('lists every dataset that goes with the VM', () => {
    expect(vmDatasets(zone)).toEqual([
      'zones/153831fc-2af9-44c8-9ba5-fad507337cc2',
      'zones/153831fc-2af9-44c8-9ba5-fad507337cc2/data',
    ]);
    expect(vmDatasets(kvm)).toEqual([
      'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5',
      'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk0',
      'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk1',
    ]);
  });

  it('reads NICs with the single ip/gateway fallbacks', () => {
    expect(vmNics(zone)[0]).toMatchObject({ ips: ['192.168.1.6'], gateways: ['192.168.1.1'], primary: true });
  });
});

function job(id: string, state: Job['state']): Job {
  return {
    id,
    hostId: 'h',
    kind: 'vm.stop',
    target: 'u',
    targetName: null,
    state,
    progress: null,
    message: null,
    username: 'admin',
    createdAt: '2024-01-01T00:00:00Z',
    finishedAt: null,
  };
}

describe('jobsThatEnded', () => {
  it('gives jobs that were running and are now over, and new ones already over', () => {
    const before = [job('1', 'running'), job('2', 'succeeded')];
    const after = [job('3', 'failed'), job('1', 'succeeded'), job('2', 'succeeded'), job('4', 'running')];
    expect(jobsThatEnded(before, after).map((j) => j.id)).toEqual(['3', '1']);
  });

  it('gives nothing on the first load', () => {
    expect(jobsThatEnded(undefined, [job('1', 'succeeded')])).toEqual([]);
  });
});
