import { describe, expect, it } from 'vitest';

import { isSmartosError } from '../errors.js';
import { dladmShowArgv } from './dladm.js';
import { imgadmDeleteArgv, imgadmGetArgv, imgadmImportArgv, imgadmSourcesChangeArgv } from './imgadm.js';
import { kstatArgv } from './kstat.js';
import { nictagadmListArgv } from './nictagadm.js';
import { svcadmArgv, svcsArgv, svcsExplainArgv } from './svcs.js';
import { zfsCloneArgv, zfsGetArgv, zfsListArgv, zfsRollbackArgv, zfsSnapshotArgv } from './zfs.js';
import { zpoolGetArgv, zpoolListArgv, zpoolScrubArgv, zpoolStatusArgv } from './zpool.js';

const UUID = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const DS = 'zones/024ab643-ed65-48ab-95f8-5e5976539bfa';

function rejects(build: () => unknown): void {
  let err: unknown;
  try {
    build();
  } catch (e) {
    err = e;
  }
  expect(isSmartosError(err)).toBe(true);
}

describe('argv builders', () => {
  it('build the commands the fixtures were captured with', () => {
    expect(zpoolListArgv('zpool', ['name', 'size', 'alloc', 'free', 'cap', 'dedupratio', 'health'])).toEqual([
      'zpool',
      'list',
      '-H',
      '-p',
      '-o',
      'name,size,alloc,free,cap,dedupratio,health',
    ]);
    expect(zpoolStatusArgv('zpool', 'zones', { dedup: true })).toEqual([
      'zpool',
      'status',
      '-D',
      '--',
      'zones',
    ]);
    expect(zpoolGetArgv('zpool', ['dedupratio'], 'zones')).toEqual([
      'zpool',
      'get',
      '-H',
      '-p',
      '-o',
      'name,property,value,source',
      'dedupratio',
      '--',
      'zones',
    ]);
    expect(zpoolScrubArgv('zpool', 'zones')).toEqual(['zpool', 'scrub', '--', 'zones']);
    expect(zfsListArgv('zfs', { types: ['snapshot'], fields: ['name', 'creation'] })).toEqual([
      'zfs',
      'list',
      '-H',
      '-p',
      '-t',
      'snapshot',
      '-o',
      'name,creation',
    ]);
    expect(zfsGetArgv('zfs', ['compression', 'used'], ['zones'])).toContain('--');
    expect(zfsSnapshotArgv('zfs', `${DS}@manual-1`)).toEqual(['zfs', 'snapshot', '--', `${DS}@manual-1`]);
    expect(zfsRollbackArgv('zfs', `${DS}@a`, { destroyNewer: true })).toEqual([
      'zfs',
      'rollback',
      '-r',
      '--',
      `${DS}@a`,
    ]);
    expect(zfsCloneArgv('zfs', `${DS}@manual-1`, `${DS}-clone`)).toEqual([
      'zfs',
      'clone',
      '--',
      `${DS}@manual-1`,
      `${DS}-clone`,
    ]);
    expect(imgadmGetArgv('imgadm', UUID)).toEqual(['imgadm', 'get', '--', UUID]);
    expect(imgadmImportArgv('imgadm', UUID, { pool: 'zones' })).toEqual([
      'imgadm',
      'import',
      '-P',
      'zones',
      '--',
      UUID,
    ]);
    expect(imgadmDeleteArgv('imgadm', UUID)).toEqual(['imgadm', 'delete', '--', UUID]);
    expect(imgadmSourcesChangeArgv('imgadm', 'add', 'https://datasets.at/')).toEqual([
      'imgadm',
      'sources',
      '-a',
      'https://datasets.at/',
    ]);
    expect(dladmShowArgv('dladm', 'show-vnic', ['link', 'over'], 'z2_0')).toEqual([
      'dladm',
      'show-vnic',
      '-p',
      '-o',
      'link,over',
      '--',
      'z2_0',
    ]);
    expect(nictagadmListArgv('nictagadm')).toEqual(['nictagadm', 'list', '-p', '-d', ',']);
    expect(svcsArgv('svcs', { all: true })).toEqual(['svcs', '-a', '-H', '-o', 'state,stime,fmri']);
    expect(svcsExplainArgv('svcs', ['ssh'])).toEqual(['svcs', '-x', '--', 'ssh']);
    expect(svcadmArgv('svcadm', 'restart', 'svc:/network/ssh:default')).toEqual([
      'svcadm',
      'restart',
      '--',
      'svc:/network/ssh:default',
    ]);
    expect(svcadmArgv('svcadm', 'enable', 'ssh', { synchronous: true })).toEqual([
      'svcadm',
      'enable',
      '-s',
      '--',
      'ssh',
    ]);
    expect(kstatArgv('kstat', ['zfs:0:arcstats:size'])).toEqual(['kstat', '-p', '--', 'zfs:0:arcstats:size']);
  });

  it.each<[string, () => unknown]>([
    ['an option as pool', () => zpoolStatusArgv('zpool', '-v')],
    ['a pool with a shell character', () => zpoolScrubArgv('zpool', 'zones;reboot')],
    ['a snapshot without @', () => zfsSnapshotArgv('zfs', DS)],
    ['a dataset with $()', () => zfsListArgv('zfs', { datasets: ['zones/$(id)'] })],
    ['a dataset with a newline', () => zfsGetArgv('zfs', ['used'], ['zones/a\nb'])],
    ['a bad property', () => zfsGetArgv('zfs', ['used;x'])],
    ['a bad uuid', () => imgadmGetArgv('imgadm', 'base-64')],
    ['a non-http source', () => imgadmSourcesChangeArgv('imgadm', 'add', 'file:///etc/passwd')],
    ['an option as FMRI', () => svcadmArgv('svcadm', 'disable', '-t')],
    ['an FMRI with a blank', () => svcsArgv('svcs', { patterns: ['svc:/a b'] })],
    ['a bad link', () => dladmShowArgv('dladm', 'show-phys', ['link'], '../x')],
    ['a bad kstat selector', () => kstatArgv('kstat', ['zfs:0:$(x)'])],
  ])('rejects %s before anything runs', (_what, build) => {
    rejects(build);
  });
});
