import { describe, expect, it } from 'vitest';

import type { ImageInfo, ImageManifest, VmSummary } from '@zonedeck/api/schemas';

import {
  brandForImageType,
  imageFileBytes,
  imageParam,
  imageTypeLabel,
  imageUsers,
  importable,
  importPhaseLabel,
  importStageFigures,
  publishedDate,
  sortImages,
} from './images';
import { testVm } from './testVm';

const IMG = 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a';
const ELK = '4cda7281-45e1-4485-8648-848f7211c938';
const OCS = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
const NEW = '2f1dc911-6401-4fa4-8e9d-67ea2e39c271';

function manifest(uuid: string, published_at?: string, files?: ImageManifest['files']): ImageManifest {
  return { uuid, name: 'img', version: '1', type: 'zvol', os: 'linux', published_at, files };
}

function vm(uuid: string, alias: string | null, imageUuid: string | null): VmSummary {
  return testVm({ uuid, alias, brand: 'kvm', ramMiB: 1024, imageUuid });
}

describe('imageFileBytes', () => {
  it('adds the sizes of the files', () => {
    expect(imageFileBytes(manifest(IMG, undefined, [{ size: 10 }, { size: 5 }]))).toBe(15);
    expect(imageFileBytes(manifest(IMG))).toBeNull();
  });
});

describe('imageUsers', () => {
  it('finds VMs by image_uuid and by clone name, once each, by name', () => {
    const image: ImageInfo = {
      manifest: manifest(IMG),
      zpool: 'zones',
      cloneNames: [`zones/${ELK}-disk0`, `zones/${OCS}-disk0`],
    };
    const vms = [vm(OCS, 'OCS Inventory NG', null), vm(ELK, 'elk', IMG)];
    expect(imageUsers(image, vms).map((u) => u.name)).toEqual(['elk', 'OCS Inventory NG']);
  });

  it('names a VM it does not know by its uuid', () => {
    const image: ImageInfo = { manifest: manifest(IMG), zpool: 'zones', cloneNames: [`zones/${ELK}`] };
    expect(imageUsers(image, [])).toEqual([{ uuid: ELK, name: ELK }]);
  });
});

describe('importable', () => {
  it('leaves out what is installed, newest first', () => {
    const avail = [
      manifest(IMG, '2018-08-09T00:00:00Z'),
      manifest(NEW, '2024-01-05T00:00:00Z'),
      manifest(ELK),
    ];
    const installed: ImageInfo[] = [{ manifest: manifest(IMG), zpool: 'zones' }];
    expect(importable(avail, installed).map((m) => m.uuid)).toEqual([NEW, ELK]);
  });
});

describe('labels', () => {
  it('shortens the publication time to a date', () => {
    expect(publishedDate(manifest(IMG, '2018-08-09T19:05:52Z'))).toBe('2018-08-09');
    expect(publishedDate(manifest(IMG))).toBe('—');
  });

  it('names image types', () => {
    expect(imageTypeLabel('zvol')).toBe('HVM disk');
    expect(imageTypeLabel('docker')).toBe('docker');
  });
});

describe('sortImages', () => {
  const a = { manifest: { ...manifest(IMG, '2018-01-01', [{ size: 5 }]), name: 'b', version: '10' } };
  const b = { manifest: { ...manifest(NEW, '2024-01-01', [{ size: 50 }]), name: 'a', version: '9' } };
  const c = { manifest: { ...manifest(ELK, '2020-01-01'), name: 'b', version: '9' } };

  it('sorts by a column, then by name and version (numerically)', () => {
    expect(sortImages([a, b, c], 'name', 'asc', () => 0).map((i) => i.manifest.version)).toEqual([
      '9',
      '9',
      '10',
    ]);
    expect(sortImages([a, b, c], 'size', 'desc', () => 0).map((i) => i.manifest.uuid)).toEqual([
      NEW,
      IMG,
      ELK,
    ]);
    expect(sortImages([a, b, c], 'published', 'desc', () => 0)[0]?.manifest.uuid).toBe(NEW);
    expect(sortImages([a, b, c], 'users', 'desc', (i) => (i === c ? 3 : 0))[0]).toBe(c);
  });
});

describe('import stage', () => {
  it('names the phases and shows bytes of the total and the rate', () => {
    expect(['prepare', 'download', 'verify', 'install'].map(importPhaseLabel)).toEqual([
      'Preparing',
      'Downloading',
      'Checking the checksum',
      'Installing into the pool',
    ]);
    const MiB = 1024 * 1024;
    expect(
      importStageFigures({
        phase: 'download',
        bytes: 1.2 * MiB,
        totalBytes: 4.6 * MiB,
        bytesPerSecond: 2 * MiB,
      }),
    ).toEqual({ transferred: '1.20 MiB of 4.60 MiB', rate: '2.00 MiB/s' });
    expect(
      importStageFigures({ phase: 'prepare', bytes: null, totalBytes: MiB, bytesPerSecond: null }),
    ).toEqual({
      transferred: null,
      rate: null,
    });
  });
});

describe('create a VM from an image', () => {
  it('picks the brand the image boots and reads only a uuid from ?image=', () => {
    expect(['zone-dataset', 'lx-dataset', 'zvol', 'docker'].map(brandForImageType)).toEqual([
      'joyent',
      'lx',
      'bhyve',
      undefined,
    ]);
    expect(imageParam('2f1dc911-6401-4fa4-8e9d-67ea2e39c271')).toBe('2f1dc911-6401-4fa4-8e9d-67ea2e39c271');
    expect(imageParam('x')).toBeUndefined();
    expect(imageParam(null)).toBeUndefined();
  });
});
