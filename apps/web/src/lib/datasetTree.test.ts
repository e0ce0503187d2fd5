import { describe, expect, it } from 'vitest';

import type { ZfsDataset } from '@zonedeck/api/schemas';

import { buildDatasetTree, datasetRole, sortDatasetTree, visibleRows } from './datasetTree';

const VM = '153831fc-2af9-44c8-9ba5-fad507337cc2';
const KVM = '4cda7281-45e1-4485-8648-848f7211c938';
const IMG = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';

function ds(name: string, usedBytes: number, type = 'filesystem'): ZfsDataset {
  return { name, type, usedBytes, raw: {} };
}

const list = [
  ds('zones', 1000),
  ds(`zones/${VM}`, 300),
  ds(`zones/${VM}@nightly`, 1, 'snapshot'),
  ds(`zones/${VM}@before-upgrade`, 2, 'snapshot'),
  ds(`zones/${VM}/data`, 200),
  ds(`zones/${KVM}-disk0`, 500, 'volume'),
  ds('zones/archive', 10),
  ds('other/orphan', 5),
];

describe('buildDatasetTree', () => {
  it('puts children under parents and snapshots under their dataset', () => {
    const roots = buildDatasetTree(list);
    expect(roots.map((r) => r.dataset.name)).toEqual(['zones', 'other/orphan']);
    const zones = roots[0];
    expect(zones?.children.map((c) => c.leaf)).toEqual([VM, `${KVM}-disk0`, 'archive']);
    const vm = zones?.children[0];
    expect(vm?.snapshots.map((s) => s.name)).toEqual([`zones/${VM}@nightly`, `zones/${VM}@before-upgrade`]);
    expect(vm?.children.map((c) => c.leaf)).toEqual(['data']);
  });
});

describe('sortDatasetTree', () => {
  it('sorts the siblings of every level', () => {
    const sorted = sortDatasetTree(buildDatasetTree(list), 'used', 'desc');
    expect(sorted[0]?.children.map((c) => c.dataset.usedBytes)).toEqual([500, 300, 10]);
    const asc = sortDatasetTree(buildDatasetTree(list), 'used', 'asc');
    expect(asc.find((r) => r.leaf === 'zones')?.children.map((c) => c.dataset.usedBytes)).toEqual([
      10, 300, 500,
    ]);
  });

  it('sorts names naturally and unknown values last', () => {
    const nodes = buildDatasetTree([ds('p', 1), ds('p/b10', 1), ds('p/b2', 1), { name: 'p/a', raw: {} }]);
    expect(sortDatasetTree(nodes, 'name', 'asc')[0]?.children.map((c) => c.leaf)).toEqual(['a', 'b2', 'b10']);
    expect(sortDatasetTree(nodes, 'used', 'desc')[0]?.children.map((c) => c.leaf)).toEqual([
      'b10',
      'b2',
      'a',
    ]);
  });

  it('sorts by snapshot count', () => {
    const sorted = sortDatasetTree(buildDatasetTree(list), 'snapshots', 'desc');
    expect(sorted.find((r) => r.leaf === 'zones')?.children[0]?.leaf).toBe(VM);
  });
});

describe('visibleRows', () => {
  it('walks depth first and hides the children of collapsed datasets', () => {
    const roots = buildDatasetTree(list);
    expect(visibleRows(roots, new Set()).map((r) => [r.node.leaf, r.depth])).toEqual([
      ['zones', 0],
      [VM, 1],
      ['data', 2],
      [`${KVM}-disk0`, 1],
      ['archive', 1],
      ['orphan', 0],
    ]);
    expect(visibleRows(roots, new Set(['zones'])).map((r) => r.node.leaf)).toEqual(['zones', 'orphan']);
  });
});

describe('datasetRole', () => {
  const vms = new Map([
    [VM, 'samba'],
    [KVM, 'elk'],
  ]);
  const images = new Map([[IMG, 'base-64-lts@18.4.0']]);

  it('names zone roots, disks, cores, delegated datasets and images', () => {
    expect(datasetRole(`zones/${VM}`, vms, images)).toBe('root of samba');
    expect(datasetRole(`zones/${KVM}-disk1`, vms, images)).toBe('disk 1 of elk');
    expect(datasetRole(`zones/cores/${VM}`, vms, images)).toBe('cores of samba');
    expect(datasetRole(`zones/${VM}/data`, vms, images)).toBe('delegated dataset of samba');
    expect(datasetRole(`zones/${IMG}`, vms, images)).toBe('image base-64-lts@18.4.0');
  });

  it('says nothing of the pool’s own datasets or unknown uuids', () => {
    expect(datasetRole('zones/var', vms, images)).toBeNull();
    expect(datasetRole('zones/00000000-0000-0000-0000-000000000000', vms, images)).toBeNull();
  });
});
