// vmadm create / start / stop / reboot / snapshots / delete through the real executables, on
// fresh office hosts at SMARTOS_SIM_SPEED=100: states, key order, datasets, errors.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, freshRoot } from '../../../test/simHarness.js';
import { ubuntuLxImage } from '../../seed/installedImages.js';
import { writeImage } from '../../state/imageStore.js';
import { simLayout } from '../../state/layout.js';
import { createFilesystem, readZfs, snapshot, writeZfs, type ZfsState } from '../../state/zfsStore.js';
import { runVm, runWithInput, startWatcher, stateFingerprint } from './testKit.js';

afterAll(cleanupRoots);

const BASE64 = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const UBUNTU_ZVOL = 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a';
const LX_IMAGE = '7b5981c4-1889-11e7-b4c5-3f3bdfc9b88b';
const CREATED = /^Successfully created VM ([0-9a-f-]{36})\n$/;

type Vm = Record<string, unknown>;

async function getVm(root: string, uuid: string): Promise<Vm> {
  const r = await runVm(root, ['vmadm', 'get', uuid]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Vm;
}

async function create(root: string, payload: unknown): Promise<string> {
  const r = await runWithInput(root, ['vmadm', 'create'], JSON.stringify(payload));
  expect(r).toMatchObject({ code: 0, stdout: '' });
  const m = CREATED.exec(r.stderr);
  expect(m).not.toBeNull();
  return m?.[1] ?? '';
}

function zfs(root: string): ZfsState {
  return readZfs(simLayout(root));
}

function keysOf(json: string): string[] {
  return Object.keys(JSON.parse(json) as Vm);
}

const NIC = { nic_tag: 'admin', ip: '192.168.1.60', netmask: '255.255.255.0', gateway: '192.168.1.1' };

describe('vmadm create', () => {
  it('joyent from base-64-lts: running, defaults, DHCP-fixture key order, image clone', async () => {
    const root = await freshRoot();
    const uuid = await create(root, {
      brand: 'joyent',
      image_uuid: BASE64,
      alias: 'web',
      hostname: 'web',
      resolvers: ['8.8.8.8'],
      nics: [NIC],
    });
    const vm = await getVm(root, uuid);
    expect(vm).toMatchObject({
      state: 'running',
      zone_state: 'running',
      autoboot: true,
      brand: 'joyent',
      limit_priv: 'default',
      max_physical_memory: 256,
      max_locked_memory: 256,
      max_swap: 256,
      tmpfs: 256,
      cpu_shares: 100,
      zfs_io_priority: 100,
      max_lwps: 2000,
      quota: 10,
      owner_uuid: '00000000-0000-0000-0000-000000000000',
      zonepath: join(root, 'zones', uuid),
      zfs_filesystem: `zones/${uuid}`,
      snapshots: [],
    });
    const nics = vm.nics as Vm[];
    expect(nics[0]).toMatchObject({ interface: 'net0', primary: true, ips: ['192.168.1.60/24'] });
    expect(String(nics[0]?.mac)).toMatch(/^[0-9a-f]2(:[0-9a-f]{2}){5}$/);
    expect(Object.keys(vm)).toEqual(keysOf(fixture('vmadm-get-joyent.json')));
    expect(Object.keys(nics[0] ?? {})).toEqual(
      Object.keys((JSON.parse(fixture('vmadm-get-joyent.json')) as { nics: Vm[] }).nics[0] ?? {}),
    );
    expect(existsSync(join(root, 'zones', uuid, 'root', 'tmp'))).toBe(true);
    const ds = zfs(root).datasets[`zones/${uuid}`];
    expect(ds?.origin).toBe(`zones/${BASE64}@final`);
    expect(ds?.props.quota).toBe(String(10 * 1024 ** 3));
  });

  it('lx from an lx-dataset image: eth0, kernel_version kept', async () => {
    const root = await freshRoot();
    const layout = simLayout(root);
    writeImage(layout, ubuntuLxImage);
    const z = zfs(root);
    createFilesystem(z, `zones/${LX_IMAGE}`);
    snapshot(z, `zones/${LX_IMAGE}@final`);
    writeZfs(layout, z);
    const missing = await runWithInput(
      root,
      ['vmadm', 'create'],
      JSON.stringify({ brand: 'lx', image_uuid: LX_IMAGE }),
    );
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'Missing required properties: kernel_version\n' });
    const uuid = await create(root, {
      brand: 'lx',
      image_uuid: LX_IMAGE,
      kernel_version: '4.3.0',
      nics: [NIC],
    });
    const vm = await getVm(root, uuid);
    expect(vm).toMatchObject({ brand: 'lx', state: 'running', kernel_version: '4.3.0' });
    expect((vm.nics as Vm[])[0]?.interface).toBe('eth0');
    expect(zfs(root).datasets[`zones/${uuid}`]?.origin).toBe(`zones/${LX_IMAGE}@final`);
    const list = await runVm(root, ['vmadm', 'list', '-H', '-o', 'uuid,type', `uuid=${uuid}`]);
    expect(list.stdout).toBe(`${uuid}  LX\n`);
  });

  it('kvm from the ubuntu zvol: disk0 cloned, disk1 a new zvol, OCS-fixture key order', async () => {
    const root = await freshRoot();
    const uuid = await create(root, {
      brand: 'kvm',
      alias: 'guest',
      hostname: 'guest',
      ram: 1024,
      vcpus: 2,
      vnc_port: 0,
      resolvers: ['8.8.8.8'],
      nics: [{ ...NIC, model: 'virtio' }],
      disks: [
        { image_uuid: UBUNTU_ZVOL, boot: true, model: 'virtio' },
        { size: 20480, model: 'virtio' },
      ],
    });
    const vm = await getVm(root, uuid);
    expect(vm).toMatchObject({ state: 'running', ram: 1024, max_physical_memory: 2048, vcpus: 2, quota: 10 });
    expect(vm).not.toHaveProperty('dns_domain');
    expect(Object.keys(vm)).toEqual(keysOf(fixture('vmadm-get-kvm.json')));
    const disks = vm.disks as Vm[];
    expect(disks[0]).toMatchObject({
      path: `/dev/zvol/rdsk/zones/${uuid}-disk0`,
      zfs_filesystem: `zones/${uuid}-disk0`,
      boot: true,
      image_uuid: UBUNTU_ZVOL,
      image_size: 10240,
      size: 10240,
    });
    expect(disks[1]).toMatchObject({ path: `/dev/zvol/rdsk/zones/${uuid}-disk1`, size: 20480, boot: false });
    const z = zfs(root);
    expect(z.datasets[`zones/${uuid}-disk0`]?.origin).toBe(`zones/${UBUNTU_ZVOL}@final`);
    expect(z.datasets[`zones/${uuid}-disk1`]?.type).toBe('volume');
  });

  it('bhyve: disks under the zone dataset, ram + 1280 MiB cap, 1 GiB quota, bootrom bios', async () => {
    const root = await freshRoot();
    const uuid = await create(root, {
      brand: 'bhyve',
      ram: 2048,
      disks: [{ image_uuid: UBUNTU_ZVOL, boot: true, model: 'virtio' }],
      nics: [{ ...NIC, model: 'virtio' }],
    });
    const vm = await getVm(root, uuid);
    expect(vm).toMatchObject({
      brand: 'bhyve',
      state: 'running',
      max_physical_memory: 3328,
      quota: 1,
      bootrom: 'bios',
    });
    const disk = (vm.disks as Vm[])[0];
    expect(disk).toMatchObject({ path: `/dev/zvol/rdsk/zones/${uuid}/disk0`, pci_slot: '0:4:0' });
    expect(String(disk?.uuid)).toMatch(/^[0-9a-f-]{36}$/);
    expect(zfs(root).datasets[`zones/${uuid}/disk0`]?.origin).toBe(`zones/${UBUNTU_ZVOL}@final`);
  });

  it('is observable while it runs: provisioning first, running at the end', async () => {
    const root = await freshRoot();
    const pending = runWithInput(
      root,
      ['vmadm', 'create'],
      JSON.stringify({ brand: 'joyent', image_uuid: BASE64, alias: 'slow' }),
      { SMARTOS_SIM_SPEED: '5' },
    );
    let seen = '';
    for (let i = 0; i < 200 && seen === ''; i += 1) {
      const r = await runVm(root, ['vmadm', 'list', '-H', '-o', 'state', 'alias=slow']);
      seen = r.stdout.trim();
    }
    expect(seen).toBe('provisioning');
    expect((await pending).code).toBe(0);
    const after = await runVm(root, ['vmadm', 'list', '-H', '-o', 'state', 'alias=slow']);
    expect(after.stdout).toBe('running\n');
  });

  it('drops unknown properties and honours autoboot=false', async () => {
    const root = await freshRoot();
    const uuid = await create(root, { brand: 'joyent', image_uuid: BASE64, colour: 'red', autoboot: false });
    const vm = await getVm(root, uuid);
    expect(vm).not.toHaveProperty('colour');
    expect(vm).toMatchObject({ state: 'stopped', autoboot: false, zone_state: 'installed' });
  });

  it('fails a zone that cannot get its memory: state failed, failed=provisioning', async () => {
    const root = await freshRoot();
    const r = await runWithInput(
      root,
      ['vmadm', 'create'],
      JSON.stringify({ brand: 'kvm', alias: 'huge', ram: 65536, disks: [{ size: 1024, model: 'virtio' }] }),
    );
    expect(r.code).toBe(1);
    const uuid = /VM ([0-9a-f-]{36})/.exec(r.stderr)?.[1] ?? '';
    expect(r.stderr).toBe(
      `Unable to start VM ${uuid}: zone '${uuid}': not enough memory: 66560 MiB needed, 9885 MiB free\n`,
    );
    const vm = await getVm(root, uuid);
    expect(vm).toMatchObject({ state: 'failed', zone_state: 'installed', failed: 'provisioning' });
    expect((await runVm(root, ['vmadm', 'start', uuid])).code).toBe(1);
  });
});

describe('vmadm create refuses bad payloads and changes nothing', () => {
  const cases: [string, string, string][] = [
    ['bad JSON', '{"brand": "joyent", }', 'Invalid JSON payload: Unexpected token }'],
    ['empty stdin', '', 'Invalid JSON payload: Unexpected end of input'],
    ['bad brand', '{"brand":"x"}', 'Invalid brand while validating payload: "x"'],
    ['no image', '{"brand":"joyent"}', 'Missing required properties: image_uuid'],
    [
      'image not installed',
      '{"brand":"joyent","image_uuid":"8adac45a-a6b3-11e9-9c5d-b7f1a4b3fb58"}',
      'Invalid value(s) for: image_uuid',
    ],
    [
      'zvol image as zone root',
      `{"brand":"joyent","image_uuid":"${UBUNTU_ZVOL}"}`,
      'Invalid value(s) for: image_uuid',
    ],
    [
      'bad values',
      `{"brand":"joyent","image_uuid":"${BASE64}","cpu_cap":"lots","autoboot":"maybe"}`,
      'Invalid value for cpu_cap: null:number',
    ],
    [
      'bad boolean',
      `{"brand":"joyent","image_uuid":"${BASE64}","autoboot":"maybe","alias":7}`,
      'Invalid value(s) for: autoboot,alias',
    ],
    [
      'kvm disk without size',
      '{"brand":"kvm","disks":[{"model":"virtio"}]}',
      'Missing required properties: disks.0.size',
    ],
  ];
  for (const [what, input, message] of cases) {
    it(`${what}: ${message}`, async () => {
      const root = await freshRoot();
      const before = stateFingerprint(root);
      expect(await runWithInput(root, ['vmadm', 'create'], input)).toEqual({
        code: 1,
        stdout: '',
        stderr: `${message}\n`,
      });
      expect(stateFingerprint(root)).toBe(before);
    });
  }

  it('a missing -f file', async () => {
    const root = await freshRoot();
    expect(await runVm(root, ['vmadm', 'create', '-f', '/nonexistent.json'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'File: /nonexistent.json does not exist.\n',
    });
  });
});

describe('power, snapshots and delete of a created VM', () => {
  it('stop / start / reboot pass through their intermediate states (events -j)', async () => {
    const root = await freshRoot();
    const uuid = await create(root, { brand: 'joyent', image_uuid: BASE64, alias: 'p' });
    const events = startWatcher(root, ['vmadm', 'events', '-j', '-r', uuid], { SMARTOS_SIM_SPEED: '10' });
    await events.waitFor((l) => l.includes('"type":"ready"'));
    const slow = { SMARTOS_SIM_SPEED: '10' };
    expect((await runVm(root, ['vmadm', 'stop', uuid], slow)).stderr).toBe(
      `Successfully completed stop for VM ${uuid}\n`,
    );
    expect((await runVm(root, ['vmadm', 'start', uuid], slow)).stderr).toBe(
      `Successfully started VM ${uuid}\n`,
    );
    expect((await runVm(root, ['vmadm', 'reboot', uuid], slow)).stderr).toBe(
      `Successfully completed reboot for VM ${uuid}\n`,
    );
    await events.waitFor(
      (l) =>
        l.includes('"newValue":"running"') && l.includes('"oldValue":"ready"') && events.lines().length > 8,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await events.stop()).toEqual({ code: 0, signal: null });
    const transitions = events
      .lines()
      .map((l) => JSON.parse(l) as { changes?: { path: string[]; oldValue?: unknown; newValue?: unknown }[] })
      .flatMap((ev) => ev.changes ?? [])
      .filter((c) => c.path.length === 1 && (c.path[0] === 'state' || c.path[0] === 'zone_state'))
      .map((c) => `${c.path[0] ?? ''}:${String(c.oldValue)}>${String(c.newValue)}`);
    expect(transitions).toEqual([
      // stop
      'zone_state:running>shutting_down',
      'state:running>stopping',
      'zone_state:shutting_down>down',
      'zone_state:down>installed',
      'state:stopping>stopped',
      // start
      'zone_state:installed>ready',
      'state:stopped>ready',
      'zone_state:ready>running',
      'state:ready>running',
      // reboot
      'zone_state:running>shutting_down',
      'state:running>stopping',
      'zone_state:shutting_down>down',
      'zone_state:down>ready',
      'state:stopping>ready',
      'zone_state:ready>running',
      'state:ready>running',
    ]);
  });

  it('snapshots: zfs vmsnap-*, listed newest first; rollback drops newer ones and boots; delete', async () => {
    const root = await freshRoot();
    const uuid = await create(root, { brand: 'joyent', image_uuid: BASE64 });
    const snap = (cmd: string, name: string): Promise<unknown> => runVm(root, ['vmadm', cmd, uuid, name]);
    expect(await snap('create-snapshot', 'one')).toEqual({
      code: 0,
      stdout: '',
      stderr: `Created snapshot one for VM ${uuid}\n`,
    });
    await snap('create-snapshot', 'two');
    expect(await snap('create-snapshot', 'two')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'snapshot with name "two" already exists.\n',
    });
    expect(await snap('create-snapshot', 'b@d')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Invalid snapshot name\n',
    });
    let vm = await getVm(root, uuid);
    expect((vm.snapshots as Vm[]).map((s) => s.name)).toEqual(['two', 'one']);
    expect(Object.keys((vm.snapshots as Vm[])[0] ?? {})).toEqual(['name', 'size', 'created_at']);
    expect(zfs(root).datasets[`zones/${uuid}@vmsnap-two`]?.type).toBe('snapshot');

    expect(await snap('rollback-snapshot', 'one')).toEqual({
      code: 0,
      stdout: '',
      stderr: `Rolled back snapshot one for VM ${uuid}\n`,
    });
    vm = await getVm(root, uuid);
    expect(vm.state).toBe('running');
    expect((vm.snapshots as Vm[]).map((s) => s.name)).toEqual(['one']);
    expect(zfs(root).datasets[`zones/${uuid}@vmsnap-two`]).toBeUndefined();

    expect(await snap('delete-snapshot', 'one')).toEqual({
      code: 0,
      stdout: '',
      stderr: `Deleted snapshot one for VM ${uuid}\n`,
    });
    expect(await snap('delete-snapshot', 'one')).toEqual({
      code: 1,
      stdout: '',
      stderr: `No snapshot named "one" for ${uuid}\n`,
    });
    expect(zfs(root).datasets[`zones/${uuid}@vmsnap-one`]).toBeUndefined();
    const usage = await runVm(root, ['vmadm', 'create-snapshot', uuid]);
    expect(usage.code).toBe(2);
    expect(usage.stderr.startsWith('Wrong number of parameters to "create-snapshot"\nUsage: ')).toBe(true);
  });

  it('snapshots are refused for kvm and for zones with delegated datasets', async () => {
    const root = await freshRoot();
    expect(
      await runVm(root, ['vmadm', 'create-snapshot', '4cda7281-45e1-4485-8648-848f7211c938', 'x']),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr: 'snapshots for kvm VMs currently unsupported\n',
    });
    expect(
      await runVm(root, ['vmadm', 'create-snapshot', '153831fc-2af9-44c8-9ba5-fad507337cc2', 'x']),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Cannot currently snapshot zones that have datasets\n',
    });
  });

  it('bhyve snapshots cover its disks', async () => {
    const root = await freshRoot();
    const uuid = await create(root, {
      brand: 'bhyve',
      disks: [{ image_uuid: UBUNTU_ZVOL, boot: true, model: 'virtio' }],
    });
    expect((await runVm(root, ['vmadm', 'create-snapshot', uuid, 's'])).code).toBe(0);
    const z = zfs(root);
    expect(z.datasets[`zones/${uuid}@vmsnap-s`]).toBeDefined();
    expect(z.datasets[`zones/${uuid}/disk0@vmsnap-s`]).toBeDefined();
  });

  it('delete: halts, destroys the datasets (snapshots too) and the zonepath', async () => {
    const root = await freshRoot();
    const uuid = await create(root, { brand: 'kvm', disks: [{ image_uuid: UBUNTU_ZVOL, model: 'virtio' }] });
    const joyent = await create(root, { brand: 'joyent', image_uuid: BASE64 });
    await runVm(root, ['vmadm', 'create-snapshot', joyent, 'keep']);
    for (const id of [uuid, joyent])
      expect(await runVm(root, ['vmadm', 'delete', id])).toEqual({
        code: 0,
        stdout: '',
        stderr: `Successfully deleted VM ${id}\n`,
      });
    const names = Object.keys(zfs(root).datasets);
    expect(names.filter((n) => n.includes(uuid) || n.includes(joyent))).toEqual([]);
    expect(existsSync(join(root, 'zones', uuid))).toBe(false);
    expect(existsSync(join(root, 'vms', `${joyent}.json`))).toBe(false);
    expect((await runVm(root, ['vmadm', 'get', uuid])).code).toBe(1);
    expect(readFileSync(join(root, 'zfs.json'), 'utf8')).not.toContain(joyent);
  });
});
