// vmadm list / lookup behaviour beyond the fixtures, run through the real executable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanupRoots, freshRoot, run } from '../../../test/simHarness.js';

let root = '';
beforeAll(async () => {
  root = await freshRoot('office');
});
afterAll(cleanupRoots);

const vmadm = (...args: string[]) => run(root, ['vmadm', ...args]);
const lines = (text: string) => text.trimEnd().split('\n');

describe('vmadm list filters', () => {
  it('matches ~regex case-insensitively', async () => {
    const r = await vmadm('list', '-H', '-o', 'alias', 'alias=~^m');
    expect(lines(r.stdout)).toEqual(['MySQL-PerconaDB']);
  });

  it('matches every nic with nics.*.ip and a single one with nics.0.ip', async () => {
    expect(lines((await vmadm('list', '-H', '-o', 'alias', 'nics.*.ip=192.168.1.6')).stdout)).toEqual([
      'samba',
    ]);
    expect(lines((await vmadm('list', '-H', '-o', 'alias', 'nics.0.ip=192.168.1.10')).stdout)).toEqual([
      'elk',
    ]);
  });

  it('normalises MAC filters without leading zeros (fixMac)', async () => {
    expect(lines((await vmadm('list', '-H', '-o', 'alias', 'nics.0.mac=92:4b:1e:c:7f:21')).stdout)).toEqual([
      'DHCP',
    ]);
  });

  it('filters on tags.X, fake type and ram, and combines filters with AND', async () => {
    expect(lines((await vmadm('list', '-H', '-o', 'alias', 'tags.role=fileserver')).stdout)).toEqual([
      'samba',
    ]);
    expect(
      lines((await vmadm('list', '-H', '-o', 'alias', '-s', 'alias', 'type=OS', 'ram=1024')).stdout),
    ).toEqual(['MySQL-PerconaDB', 'powerdns']);
  });

  it('prints only the header when nothing matches', async () => {
    const r = await vmadm('list', 'alias=nothing');
    expect(r.stdout).toBe('UUID                                  TYPE  RAM      STATE             ALIAS\n');
    expect(r.code).toBe(0);
  });

  it('rejects keys that are not listable', async () => {
    expect(await vmadm('list', 'nics.0.ips=x')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Invalid filter key: "nics.0.ips"\n',
    });
  });
});

describe('vmadm list columns and sorting', () => {
  it('sorts descending with a - prefix and ascending with +', async () => {
    expect(lines((await vmadm('list', '-H', '-o', 'alias', '-s', '-alias')).stdout)).toEqual([
      'samba',
      'powerdns',
      'elk',
      'OCS Inventory NG',
      'MySQL-PerconaDB',
      'DHCP',
    ]);
    const byRamThenAliasDesc = lines(
      (await vmadm('list', '-p', '-o', 'alias,ram', '-s', '+ram,-alias')).stdout,
    );
    expect(byRamThenAliasDesc).toEqual([
      'DHCP:64',
      'samba:256',
      'powerdns:1024',
      'elk:1024',
      'OCS Inventory NG:1024',
      'MySQL-PerconaDB:1024',
    ]);
  });

  it('ignores sort fields that are not columns (vmload loaded only the columns)', async () => {
    // default sort is ram,uuid; without a ram column only uuid orders the rows
    expect(lines((await vmadm('list', '-p', '-o', 'uuid,alias')).stdout).map((l) => l.split(':')[1])).toEqual(
      ['powerdns', 'samba', 'DHCP', 'MySQL-PerconaDB', 'OCS Inventory NG', 'elk'],
    );
  });

  it('does not truncate long values and right-trims each line', async () => {
    const r = await vmadm('list', '-o', 'alias,zonepath', 'alias=elk');
    const [header, row] = lines(r.stdout);
    expect(header).toBe('ALIAS       ZONEPATH');
    expect(row).toBe(`elk         ${root}/zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5`);
  });

  it('prints - for missing values in tables and nothing with -p; false counts as missing', async () => {
    await run(root, ['vmadm', 'stop', '2321c688-e15e-4c6f-bc07-b2f7ff772c18']);
    try {
      expect(
        lines((await vmadm('list', '-H', '-o', 'alias,autoboot,pid,cpu_cap', 'alias=DHCP')).stdout),
      ).toEqual(['DHCP        -         -       -']);
      expect(
        lines((await vmadm('list', '-p', '-o', 'alias,autoboot,pid,exit_status', 'alias=DHCP')).stdout),
      ).toEqual(['DHCP:::0']);
    } finally {
      await run(root, ['vmadm', 'start', '2321c688-e15e-4c6f-bc07-b2f7ff772c18']);
    }
  });

  it('takes dotted columns of nics/disks/tags with width 20', async () => {
    const r = await vmadm('list', '-o', 'alias,disks.1.size,tags.role', '-s', 'alias');
    expect(lines(r.stdout)[0]).toBe('ALIAS       DISKS.1.SIZE          TAGS.ROLE');
    expect(lines(r.stdout)).toContain('samba       -                     fileserver');
    expect(lines(r.stdout)).toContain('elk         51200                 -');
  });

  it('-h forces the header on in -p mode, and -pH clusters like separate flags', async () => {
    expect(lines((await vmadm('list', '-p', '-h', '-o', 'uuid', 'alias=elk')).stdout)).toEqual([
      'UUID',
      '6a9d35d3-d522-4310-a724-fc38c59cd7e5',
    ]);
    expect(lines((await vmadm('list', '-pH', '-o', 'uuid', 'alias=elk')).stdout)).toEqual([
      '6a9d35d3-d522-4310-a724-fc38c59cd7e5',
    ]);
  });

  it('reports bad columns with vmadm’s messages and exit 1', async () => {
    expect(await vmadm('list', '-o', 'uuid,colour')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'invalid order field: colour\n',
    });
    expect(await vmadm('list', '-s', '-colour')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'invalid sort field: -colour\n',
    });
    expect(await vmadm('list', '-o', 'nics.*.ip')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Invalid order key: "nics.*.ip"\n',
    });
    expect(await vmadm('list', '-s', 'nics.*.ip')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Invalid sort key: "nics.*.ip"\n',
    });
  });
});

describe('vmadm lookup', () => {
  it('lists uuids in zoneadm order and honours -1', async () => {
    expect(lines((await vmadm('lookup', 'brand=joyent')).stdout)).toHaveLength(4);
    expect(await vmadm('lookup', '-1', 'alias=elk')).toEqual({
      code: 0,
      stdout: '6a9d35d3-d522-4310-a724-fc38c59cd7e5\n',
      stderr: '',
    });
    expect(await vmadm('lookup', '-1', 'brand=kvm')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Requested unique lookup but found 2 results.\n',
    });
    expect(await vmadm('lookup', '-1', 'alias=none')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Requested unique lookup but found 0 results.\n',
    });
  });

  it('-j -o keeps only the named fields, in the VM’s key order; fake fields included', async () => {
    const r = await vmadm('lookup', '-j', '-o', 'uuid,alias,type,ram', 'alias=DHCP');
    expect(r.stdout).toBe(
      `${JSON.stringify([{ alias: 'DHCP', uuid: '2321c688-e15e-4c6f-bc07-b2f7ff772c18', type: 'OS', ram: 64 }], null, 2)}\n`,
    );
  });

  it('-j adds `type` and, for OS zones, `ram` at the end of the full object', async () => {
    const [vm] = JSON.parse((await vmadm('lookup', '-j', 'alias=samba')).stdout) as Record<string, unknown>[];
    expect(Object.keys(vm ?? {}).slice(-2)).toEqual(['type', 'ram']);
    expect(vm?.ram).toBe(256);
  });

  it('errors: -o without -j, bad key', async () => {
    expect(await vmadm('lookup', '-o', 'uuid')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Cannot specify -o without -j\n',
    });
    expect(await vmadm('lookup', 'colour=red')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Invalid lookup key: "colour"\n',
    });
  });
});

describe('vmadm usage and errors', () => {
  it('with no command prints usage on stderr and exits 2 (vmadm.js usage() default)', async () => {
    const r = await vmadm();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe('Usage: /usr/vm/sbin/vmadm <command> [options]');
  });

  it('help prints usage on stdout, exit 0', async () => {
    const r = await vmadm('help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(
      r.stdout.endsWith("For more detailed information on the use of this command,type 'man vmadm'.\n"),
    ).toBe(true);
  });

  it('rejects an unknown command', async () => {
    const r = await vmadm('frobnicate');
    expect(r.code).toBe(2);
    expect(
      r.stderr.startsWith('Invalid command: "frobnicate".\nUsage: /usr/vm/sbin/vmadm <command> [options]\n'),
    ).toBe(true);
  });

  it('get with a missing uuid is a usage error', async () => {
    const r = await vmadm('get');
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith('Invalid or missing UUID for get\n')).toBe(true);
  });

  it('needs SMARTOS_SIM_ROOT, initialised', async () => {
    const unset = await run(undefined, ['vmadm', 'list']);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/SMARTOS_SIM_ROOT is not set/);
    const bogus = await run(root, ['vmadm', 'list'], { SMARTOS_SIM_ROOT: `${root}/nope` });
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/is not an initialised simulator state directory/);
  });
});
