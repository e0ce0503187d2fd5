// The images installed on a seeded host (<root>/images/<uuid>.json, see state/imageStore.ts).
// office: the three of the fixtures' `imgadm list -j` (ubuntu-certified zvol, base-64-lts,
// minimal-64-trunk). large: those plus the ubuntu-16.04 lx-dataset its LX zones run.
import { asJsonObject, isJsonObject, type JsonObject } from '../state/json.js';
import imgadmListJson from './fixtures/imgadm-list-j.json' with { type: 'json' };
import type { SimProfile } from './profiles.js';

function officeImages(): JsonObject[] {
  const list: unknown = imgadmListJson;
  if (!Array.isArray(list)) throw new Error('imgadm-list-j.json: expected an array');
  return list.map((info: unknown) => {
    const obj = asJsonObject(info, 'imgadm-list-j.json entry');
    const manifest = obj.manifest;
    if (!isJsonObject(manifest)) throw new Error('imgadm-list-j.json: entry without a manifest');
    return structuredClone(manifest);
  });
}

// ubuntu-16.04 (lx-dataset) as images.smartos.org lists it; the uuid is the one the large
// profile's LX zones reference (inferred, like theirs).
const UBUNTU_16_04_LX: JsonObject = {
  v: 2,
  uuid: '7b5981c4-1889-11e7-b4c5-3f3bdfc9b88b',
  owner: '00000000-0000-0000-0000-000000000000',
  name: 'ubuntu-16.04',
  version: '20170403',
  state: 'active',
  disabled: false,
  public: true,
  published_at: '2017-04-03T15:52:10Z',
  type: 'lx-dataset',
  os: 'linux',
  files: [{ sha1: '5c4b2a9e4d0f3c7b8e6a1d2f9b0c3e4a5d6f7a8b', size: 169413485, compression: 'gzip' }],
  description:
    'Container-native Ubuntu 16.04 64-bit image. Built to run on containers with bare metal speed, while offering all the services of a typical unix host.',
  homepage: 'https://docs.joyent.com/images/container-native-linux',
  requirements: {
    networks: [{ name: 'net0', description: 'public' }],
    min_platform: { '7.0': '20160225T122437Z' },
    brand: 'lx',
  },
  tags: { role: 'os', kernel_version: '4.3.0' },
};

export function seedImages(profile: SimProfile): JsonObject[] {
  const images = officeImages();
  if (profile === 'large') images.push(structuredClone(UBUNTU_16_04_LX));
  return images;
}

export const ubuntuLxImage: JsonObject = UBUNTU_16_04_LX;
