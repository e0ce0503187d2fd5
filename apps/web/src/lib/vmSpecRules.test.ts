import { describe, expect, it } from 'vitest';

import { VmSpec } from '@zonedeck/api/schemas';

import { VmSpecRules } from './vmSpecRules';

const BASE = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const zone = {
  brand: 'joyent',
  alias: 'web01',
  ram: 256,
  image_uuid: BASE,
  nics: [{ nic_tag: 'admin', ip: 'dhcp' }],
};

// Inputs both schemas must judge alike: the good ones and one of each refusal.
const cases: [string, unknown][] = [
  ['a good zone', zone],
  [
    'a good KVM guest',
    {
      brand: 'kvm',
      alias: 'k',
      ram: 512,
      vcpus: 2,
      disks: [{ image_uuid: BASE, boot: true }, { size: 1024 }],
    },
  ],
  ['RAM 0', { ...zone, ram: 0 }],
  ['RAM too large', { ...zone, ram: 2 * 1024 * 1024 }],
  ['RAM not whole', { ...zone, ram: 1.5 }],
  ['a long alias', { ...zone, alias: 'a'.repeat(300) }],
  ['an empty alias', { ...zone, alias: '' }],
  ['a control character', { ...zone, alias: 'a\u0007' }],
  ['a bad hostname', { ...zone, hostname: '-x' }],
  ['a long hostname', { ...zone, hostname: 'h'.repeat(64) }],
  ['a CPU cap too large', { ...zone, cpu_cap: 7000 }],
  ['a negative CPU cap', { ...zone, cpu_cap: -1 }],
  ['quota 0', { ...zone, quota: 0 }],
  ['quota too large', { ...zone, quota: 100_001 }],
  ['no image', { ...zone, image_uuid: undefined }],
  ['not a uuid', { ...zone, image_uuid: 'base' }],
  ['vcpus on a zone', { ...zone, vcpus: 2 }],
  ['disks on a zone', { ...zone, disks: [{ size: 10 }] }],
  ['HVM without a boot image', { brand: 'bhyve', alias: 'b', ram: 512 }],
  [
    'HVM with image_uuid',
    { brand: 'kvm', alias: 'b', ram: 512, image_uuid: BASE, disks: [{ image_uuid: BASE }] },
  ],
  ['too many vcpus', { brand: 'kvm', alias: 'b', ram: 512, vcpus: 65, disks: [{ image_uuid: BASE }] }],
  [
    'a disk too large',
    { brand: 'kvm', alias: 'b', ram: 512, disks: [{ image_uuid: BASE }, { size: 17 * 1024 * 1024 }] },
  ],
  ['no nic tag', { ...zone, nics: [{ nic_tag: '', ip: 'dhcp' }] }],
  ['a bad nic tag', { ...zone, nics: [{ nic_tag: 'a-b', ip: 'dhcp' }] }],
  ['a bad IP', { ...zone, nics: [{ nic_tag: 'admin', ip: '10.0.0.300', netmask: '255.255.255.0' }] }],
  ['a static IP without netmask', { ...zone, nics: [{ nic_tag: 'admin', ip: '10.0.0.5' }] }],
  ['not a netmask', { ...zone, nics: [{ nic_tag: 'admin', ip: '10.0.0.5', netmask: '255.0.255.0' }] }],
  [
    'a gateway outside the netmask',
    {
      ...zone,
      nics: [{ nic_tag: 'admin', ip: '10.0.0.5', netmask: '255.255.255.0', gateway: '192.168.1.1' }],
    },
  ],
  [
    'a good static IP',
    { ...zone, nics: [{ nic_tag: 'admin', ip: '10.0.0.5', netmask: '255.255.255.0', gateway: '10.0.0.1' }] },
  ],
  ['a bad resolver', { ...zone, resolvers: ['8.8.8.8', 'dns'] }],
  ['too many resolvers', { ...zone, resolvers: Array(7).fill('8.8.8.8') as string[] }],
  ['a long metadata key', { ...zone, customer_metadata: { ['k'.repeat(129)]: 'v' } }],
  ['a long metadata value', { ...zone, customer_metadata: { k: 'v'.repeat(64 * 1024 + 1) } }],
  ['an unknown brand', { ...zone, brand: 'windows' }],
];

function verdict(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return result.success ? 'ok' : (result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []);
}

describe('VmSpecRules', () => {
  it.each(cases)('judges %s as the contract’s VmSpec does', (_name, input) => {
    expect(verdict(VmSpecRules.safeParse(input))).toEqual(verdict(VmSpec.safeParse(input)));
  });
});
