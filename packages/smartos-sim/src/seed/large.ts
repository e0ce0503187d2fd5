// The "large" profile: one big host with 2,000 VMs of every brand, for scale tests of the
// driver and the UI. Deterministic: the same seed always gives byte-identical state.
import type { JsonObject, VmObject } from '../state/json.js';
import { officeSysinfo } from './officeData.js';
import { Prng } from './prng.js';
import type { SeedHost } from './profile.js';
import {
  buildVm,
  isHvmBrand,
  type Brand,
  type DiskSpec,
  type NicSpec,
  type SeedState,
  type VmSpec,
} from './vmShapes.js';

export const LARGE_VM_COUNT = 2000;
const SEED = 0x5a0de5c;

const SERVER_UUID = '00000000-0000-4000-8000-0000000a3b1e';
const PLATFORM = '20240208T000334Z';
const BOOT_EPOCH_S = 1707552050;

const IMAGES = {
  base64: 'c193a558-1d63-11e9-97cf-97bb3ee5c14f',
  minimal64: '39f99738-9a4c-11ec-8e1c-3b65b9abc26a',
  // ubuntu-16.04 lx-dataset (inferred uuid)
  ubuntuLx: '7b5981c4-1889-11e7-b4c5-3f3bdfc9b88b',
  ubuntuZvol: 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a',
} as const;

const ROLES = [
  'web',
  'api',
  'db',
  'cache',
  'queue',
  'worker',
  'build',
  'ci',
  'mail',
  'dns',
  'proxy',
  'lb',
  'search',
  'metrics',
  'logs',
  'backup',
  'vpn',
  'git',
  'wiki',
  'ldap',
];
const ENVS = ['prod', 'staging', 'dev', 'test', 'qa'];
const ODD_ALIASES = [
  'Build Agent',
  'Windows Jump Host',
  'café-frontend',
  'svc:api',
  'legacy ERP (do not touch)',
  'Ünicode-Zone',
];

function iso(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString();
}

function largeSysinfo(): JsonObject {
  const s = structuredClone(officeSysinfo);
  Object.assign(s, {
    Manufacturer: 'Supermicro',
    Product: 'SYS-2029BT-HNR',
    'Serial Number': 'S1337420X9',
    'SKU Number': '',
    'HW Family': 'Twin',
    'CPU Type': 'Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz',
    'CPU Physical Cores': 2,
    UUID: SERVER_UUID,
    Hostname: 'smartos-large',
    'CPU Total Cores': 96,
    'CPU Socket Count': 2,
    'CPU Core Count': 48,
    'CPU Online Count': 96,
    'CPU Count': 96,
    'MiB of Memory': '1572734',
    'Zpool Disks': 'c1t0d0,c1t1d0,c1t2d0,c1t3d0',
    'Zpool Profile': 'raidz',
    'Zpool Size in GiB': 20865,
    Disks: {
      c1t0d0: { 'Size in GB': 7681 },
      c1t1d0: { 'Size in GB': 7681 },
      c1t2d0: { 'Size in GB': 7681 },
      c1t3d0: { 'Size in GB': 7681 },
      c2t0d0: { 'Size in GB': 32 },
    },
  });
  return s;
}

function aliasFor(rng: Prng, index: number, role: string, env: string): string | undefined {
  const roll = rng.next();
  if (roll < 0.03) return undefined;
  if (roll < 0.06) return `${rng.pick(ODD_ALIASES)} ${index}`;
  return `${role}-${env}-${String(rng.int(1, 120)).padStart(3, '0')}`;
}

function brandFor(rng: Prng): Brand {
  return rng.weighted<Brand>([
    ['joyent', 40],
    ['lx', 20],
    ['kvm', 20],
    ['bhyve', 20],
  ]);
}

function disksFor(rng: Prng, brand: Brand): DiskSpec[] {
  if (!isHvmBrand(brand)) return [];
  const disk0: DiskSpec = {
    sizeMiB: brand === 'bhyve' ? rng.pick([10240, 20480, 51200]) : 10240,
    imageUuid: IMAGES.ubuntuZvol,
    imageSizeMiB: 10240,
  };
  const disks = [disk0];
  if (brand === 'kvm' && rng.next() < 0.5) disks.push({ sizeMiB: rng.pick([20480, 51200, 102400]) });
  if (brand === 'bhyve') for (const d of disks) d.uuid = rng.uuid();
  return disks;
}

function nicsFor(rng: Prng, index: number): NicSpec[] {
  const nics: NicSpec[] = [
    {
      mac: rng.mac(),
      ip: `10.88.${Math.floor((index + 10) / 250)}.${((index + 10) % 250) + 2}`,
      netmask: '255.255.0.0',
      gateway: '10.88.0.1',
      prefix: 16,
      nicTag: 'admin',
    },
  ];
  if (rng.next() < 0.1) {
    nics.push({
      mac: rng.mac(),
      ip: `172.20.${Math.floor(index / 250)}.${(index % 250) + 2}`,
      netmask: '255.255.0.0',
      gateway: '172.20.0.1',
      prefix: 16,
      nicTag: 'admin',
      vlanId: 20,
    });
  }
  return nics;
}

export function largeSeed(count = LARGE_VM_COUNT): SeedHost {
  const rng = new Prng(SEED);
  const vms: VmObject[] = [];
  let zoneid = 2;
  let pid = 4100;
  const createStart = Date.UTC(2019, 0, 1) / 1000;
  const createSpan = Date.UTC(2024, 0, 31) / 1000 - createStart;
  for (let i = 0; i < count; i += 1) {
    const brand = brandFor(rng);
    const hvm = isHvmBrand(brand);
    const role = rng.pick(ROLES);
    const env = rng.pick(ENVS);
    const alias = aliasFor(rng, i, role, env);
    const state = rng.weighted<SeedState>([
      ['running', 76],
      ['stopped', 20],
      ['failed', 2],
      ['provisioning', 2],
    ]);
    const live = state === 'running' || state === 'provisioning';
    const created = createStart + Math.floor((createSpan * i) / count) + rng.int(0, 3600);
    const booted = BOOT_EPOCH_S + 60 + i * 2;
    const exited = booted + rng.int(600, 86_400);
    const disks = disksFor(rng, brand);
    const uuid = rng.uuid();
    const spec: VmSpec = {
      uuid,
      brand,
      hostname:
        (alias ?? uuid)
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 63) || uuid,
      ramMiB: hvm
        ? rng.pick([512, 1024, 2048, 4096, 8192, 16384, 32768])
        : rng.pick([128, 256, 512, 1024, 2048, 4096, 8192, 16384]),
      quotaGiB:
        brand === 'bhyve'
          ? Math.ceil(disks.reduce((sum, d) => sum + d.sizeMiB, 0) / 1024) + 1
          : hvm
            ? 10
            : rng.pick([5, 10, 20, 40, 100]),
      vcpus: rng.pick([1, 2, 4, 8]),
      imageUuid:
        brand === 'lx'
          ? IMAGES.ubuntuLx
          : hvm
            ? IMAGES.ubuntuZvol
            : rng.pick([IMAGES.base64, IMAGES.minimal64]),
      createTimestamp: new Date(created * 1000 + rng.int(0, 999)).toISOString(),
      lastModified: iso(live ? booted : exited),
      state,
      nics: nicsFor(rng, i),
      disks,
      resolvers: ['10.88.0.1', '8.8.8.8'],
      serverUuid: SERVER_UUID,
      platformBuildstamp: PLATFORM,
      tags: { role, env },
      customerMetadata: {},
    };
    if (alias !== undefined) spec.alias = alias;
    if (rng.next() < 0.5) spec.cpuCap = rng.pick([100, 200, 400, 800]);
    if (brand === 'lx') spec.kernelVersion = '4.3.0';
    if (live) {
      spec.zoneid = zoneid;
      spec.pid = pid;
      spec.bootTimestamp = iso(booted);
      zoneid += 1;
      pid += rng.int(3, 40);
    } else {
      spec.exitTimestamp = iso(exited);
    }
    vms.push(buildVm(spec));
  }
  return { sysinfo: largeSysinfo(), vms, counters: { nextZoneid: zoneid, nextPid: pid + 17 } };
}
