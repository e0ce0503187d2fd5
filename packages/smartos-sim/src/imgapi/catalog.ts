// The image server's catalog: manifests of real public SmartOS images (as images.smartos.org
// serves them; names, versions, uuids and fields from the project's imgadm fixtures), without
// their `files`: the server generates each image's file and describes it (see imageFile.ts).
import type { JsonObject } from '../state/json.js';

const OWNER = '00000000-0000-0000-0000-000000000000';
const NET0 = [{ name: 'net0', description: 'public' }];

/** A catalog entry: the manifest minus `files`, plus the real file size (sizes the generated one). */
export interface CatalogImage {
  manifest: JsonObject;
  /** bytes of the real image file on images.smartos.org */
  realFileSize: number;
}

const BASE_DESCRIPTION =
  'A 64-bit SmartOS image with just essential packages installed. Ideal for users who are comfortable with setting up their own environment and tools.';

export const catalog: readonly CatalogImage[] = [
  {
    realFileSize: 169413485,
    manifest: {
      v: 2,
      uuid: '7b5981c4-1889-11e7-b4c5-3f3bdfc9b88b',
      owner: OWNER,
      name: 'ubuntu-16.04',
      version: '20170403',
      state: 'active',
      disabled: false,
      public: true,
      published_at: '2017-04-03T15:52:10Z',
      type: 'lx-dataset',
      os: 'linux',
      description:
        'Container-native Ubuntu 16.04 64-bit image. Built to run on containers with bare metal speed, while offering all the services of a typical unix host.',
      homepage: 'https://docs.joyent.com/images/container-native-linux',
      requirements: { networks: NET0, min_platform: { '7.0': '20160225T122437Z' }, brand: 'lx' },
      tags: { role: 'os', kernel_version: '4.3.0' },
    },
  },
  {
    realFileSize: 281055776,
    manifest: {
      v: 2,
      uuid: 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a',
      owner: OWNER,
      name: 'ubuntu-certified-18.04',
      version: '20180808',
      state: 'active',
      disabled: false,
      public: true,
      published_at: '2018-08-09T19:05:52Z',
      type: 'zvol',
      os: 'linux',
      description:
        'Ubuntu 18.04 LTS (20180808 64-bit). Certified Ubuntu Server Cloud Image from Canonical. For kvm and bhyve.',
      homepage: 'https://docs.joyent.com/images/linux/ubuntu-certified',
      requirements: { min_platform: { '7.0': '20150929T232348Z' }, networks: NET0, ssh_key: true },
      nic_driver: 'virtio',
      disk_driver: 'virtio',
      cpu_type: 'host',
      image_size: 10240,
      tags: { default_user: 'ubuntu', role: 'os' },
    },
  },
  {
    realFileSize: 155843390,
    manifest: {
      v: 2,
      uuid: 'c193a558-1d63-11e9-97cf-97bb3ee5c14f',
      owner: OWNER,
      name: 'base-64-lts',
      version: '18.4.0',
      state: 'active',
      disabled: false,
      public: true,
      published_at: '2019-01-21T10:03:09Z',
      type: 'zone-dataset',
      os: 'smartos',
      description: BASE_DESCRIPTION,
      homepage: 'https://docs.joyent.com/images/smartos/base',
      requirements: { min_platform: { '7.0': '20141030T081701Z' }, networks: NET0 },
      tags: { role: 'os', group: 'base-64-lts' },
    },
  },
  {
    realFileSize: 39826381,
    manifest: {
      v: 2,
      uuid: '39f99738-9a4c-11ec-8e1c-3b65b9abc26a',
      owner: OWNER,
      name: 'minimal-64-trunk',
      version: '20220302',
      state: 'active',
      disabled: false,
      public: true,
      published_at: '2022-03-02T19:24:17Z',
      type: 'zone-dataset',
      os: 'smartos',
      description:
        'A 64-bit SmartOS image with just bootstrap packages installed. Ideal for users who want the smallest possible image upon which to build.',
      homepage:
        'https://docs.tritondatacenter.com/public-cloud/instances/infrastructure/images/smartos/minimal',
      requirements: { min_platform: { '7.0': '20210826T002459Z' }, networks: NET0 },
      tags: { role: 'os', group: 'minimal-64-trunk' },
    },
  },
  {
    realFileSize: 172538912,
    manifest: {
      v: 2,
      uuid: '2f1dc911-6401-4fa4-8e9d-67ea2e39c271',
      owner: OWNER,
      name: 'base-64-lts',
      version: '23.4.0',
      state: 'active',
      disabled: false,
      public: true,
      published_at: '2024-01-05T00:03:37Z',
      type: 'zone-dataset',
      os: 'smartos',
      description: BASE_DESCRIPTION,
      homepage: 'https://docs.tritondatacenter.com/public-cloud/instances/infrastructure/images/smartos/base',
      requirements: { min_platform: { '7.0': '20210826T002459Z' }, networks: NET0 },
      tags: { role: 'os', group: 'base-64-lts' },
    },
  },
  {
    realFileSize: 143802164,
    manifest: {
      v: 2,
      uuid: '41bd4100-eb86-409a-85b0-e649aadf6f62',
      owner: OWNER,
      name: 'debian-12',
      version: '20240105',
      state: 'active',
      disabled: false,
      public: true,
      published_at: '2024-01-05T17:46:12Z',
      type: 'lx-dataset',
      os: 'linux',
      description:
        'Container-native Debian 12 (bookworm) 64-bit image. Built to run on containers with bare metal speed, while offering all the services of a typical unix host.',
      homepage: 'https://docs.tritondatacenter.com/public-cloud/instances/infrastructure/images',
      requirements: { networks: NET0, min_platform: { '7.0': '20210826T002459Z' }, brand: 'lx' },
      tags: { role: 'os', kernel_version: '5.10.0' },
    },
  },
];
