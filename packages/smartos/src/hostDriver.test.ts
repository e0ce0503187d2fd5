/**
 * The driver over a FakeTransport that replays the fixture files by argv: the real argv
 * builders, runTool, stderr classification and parsers all run.
 */
import { describe, expect, it } from 'vitest';

import { fixture, fixturesFor } from '../test/fixtureFiles.js';
import { isSmartosError, type SmartosError } from './errors.js';
import { createHostDriver, LIST_VMS_FIELDS } from './hostDriver.js';
import { VmSummary } from './model/vm.js';
import { createFakeTransport, type FakeReply } from './transport/fakeTransport.js';

async function rejection(promise: Promise<unknown>): Promise<SmartosError> {
  try {
    await promise;
  } catch (err) {
    if (isSmartosError(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

/** A fixture as a reply; stderr samples that the classifier knows are failures exit 1. */
function replay(file: string, exitCode = 0): FakeReply {
  const f = fixture(file);
  return f.stream === 'stdout'
    ? { argv: f.argv, stdout: f.text, exitCode }
    : { argv: f.argv, stderr: f.text, exitCode };
}

const LIST_ARGV = ['vmadm', 'lookup', '-j', '-o', LIST_VMS_FIELDS.join(',')];

/** A VM object cut to the listed fields, as `vmadm lookup -j -o` prints it. */
function listed(vm: Record<string, unknown>): Record<string, unknown> {
  const wanted = new Set<string>(LIST_VMS_FIELDS);
  return Object.fromEntries(Object.entries(vm).filter(([k]) => wanted.has(k)));
}

/** Captured VM objects (two kvm guests, the DHCP zone), in zoneadm's order, not by alias. */
const CAPTURED = [
  ...(JSON.parse(fixture('vmadm-lookup-j-kvm.json').text) as Record<string, unknown>[]),
  JSON.parse(fixture('vmadm-get-joyent.json').text) as Record<string, unknown>,
].map(listed);
const CAPTURED_LIST = `${JSON.stringify(CAPTURED, null, 2)}\n`;

describe('hostDriver.hostSummary', () => {
  it('runs sysinfo and reads the host', async () => {
    const fake = createFakeTransport([replay('sysinfo.json')]);
    const host = await createHostDriver(fake).hostSummary();
    expect(host).toMatchObject({ hostname: 'smartos', cpuCount: 4, memoryMiB: 16349, zpool: 'zones' });
    expect(fake.calls[0]).toEqual({ argv: ['sysinfo'], timeoutMs: 30_000 });
  });

  it('uses the command paths and timeouts it was given, and passes the signal', async () => {
    const f = fixture('sysinfo.json');
    const fake = createFakeTransport([{ argv: ['/usr/bin/sysinfo'], stdout: f.text }]);
    const driver = createHostDriver(fake, {
      commands: { sysinfo: '/usr/bin/sysinfo' },
      timeouts: { read: 1234 },
    });
    const signal = new AbortController().signal;
    await driver.hostSummary({ signal });
    await driver.hostSummary({ timeoutMs: 99 });
    expect(fake.calls).toEqual([
      { argv: ['/usr/bin/sysinfo'], timeoutMs: 1234, signal },
      { argv: ['/usr/bin/sysinfo'], timeoutMs: 99 },
    ]);
  });

  it('reports output that is not sysinfo as a ParseError naming the command', async () => {
    const fake = createFakeTransport([{ argv: ['sysinfo'], stdout: 'Segmentation Fault\n' }]);
    const err = await rejection(createHostDriver(fake).hostSummary());
    expect(err).toMatchObject({ code: 'ParseError', argv: ['sysinfo'] });
    expect(err.message).toMatch(/^could not read the output of sysinfo: sysinfo: output is not JSON/);
  });
});

describe('hostDriver.listVms', () => {
  it('looks the VMs up as JSON with the list fields, maps them and sorts by alias', async () => {
    const fake = createFakeTransport([{ argv: LIST_ARGV, stdout: CAPTURED_LIST }]);
    const vms = await createHostDriver(fake).listVms();
    expect(fake.calls.map((c) => c.argv)).toEqual([LIST_ARGV]);
    for (const vm of vms) expect(VmSummary.parse(vm)).toEqual(vm);
    expect(vms.map((vm) => vm.alias)).toEqual(['DHCP', 'OCS Inventory NG', 'elk']);
    expect(vms[0]).toEqual({
      uuid: '2321c688-e15e-4c6f-bc07-b2f7ff772c18',
      alias: 'DHCP',
      brand: 'joyent',
      state: 'running',
      ramMiB: 64,
      cpuCap: null,
      quotaGiB: 5,
      imageUuid: 'c193a558-1d63-11e9-97cf-97bb3ee5c14f',
      ips: ['192.168.1.5'],
      createdAt: '2019-03-02T10:14:33.201Z',
    });
    expect(vms.find((vm) => vm.alias === 'elk')).toMatchObject({
      brand: 'kvm',
      imageUuid: 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a',
      ramMiB: 1024,
      ips: ['192.168.1.10'],
    });
  });

  it('reads an alias with ":", an IPv6 address and an empty host', async () => {
    const vm = {
      uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
      alias: 'db: primary (Zürich)',
      brand: 'bhyve',
      state: 'stopped',
      ram: 2048,
      cpu_cap: 0,
      create_timestamp: '2024-02-11T12:00:00.000Z',
      nics: [{ interface: 'net0', ips: ['fd00::10/64'] }],
    };
    const fake = createFakeTransport([{ argv: LIST_ARGV, stdout: JSON.stringify([vm]) }]);
    const [summary] = await createHostDriver(fake).listVms();
    expect(summary).toMatchObject({
      alias: 'db: primary (Zürich)',
      brand: 'bhyve',
      cpuCap: null,
      quotaGiB: null,
      ips: ['fd00::10'],
      createdAt: '2024-02-11T12:00:00.000Z',
    });
    fake.reply({ argv: LIST_ARGV, stdout: '[]\n' });
    await expect(createHostDriver(fake).listVms()).resolves.toEqual([]);
  });

  it('reports a VM it cannot map as a ParseError naming the command', async () => {
    const vm = { uuid: 'aaaaaaaa-0000-4000-8000-000000000001', brand: 'xen', state: 'running' };
    const fake = createFakeTransport([{ argv: LIST_ARGV, stdout: JSON.stringify([vm]) }]);
    const err = await rejection(createHostDriver(fake).listVms());
    expect(err).toMatchObject({ code: 'ParseError', argv: LIST_ARGV });
    expect(err.message).toContain('unknown brand "xen"');
  });

  it('classifies a failed list', async () => {
    const fake = createFakeTransport([
      { argv: LIST_ARGV, exitCode: 2, stderr: 'FATAL: cannot run because: must be run in the global zone\n' },
    ]);
    const err = await rejection(createHostDriver(fake).listVms());
    expect(err).toMatchObject({ code: 'CommandFailed', exitCode: 2 });
  });
});

describe('hostDriver.getVm', () => {
  const samples = fixturesFor('vmadm', 'get').filter((f) => f.stream === 'stdout');

  it.each(samples.map((f) => f.file))('%s', async (file) => {
    const reply = replay(file);
    const uuid = reply.argv[2] ?? '';
    const fake = createFakeTransport([reply]);
    const vm = await createHostDriver(fake).getVm(uuid);
    expect(vm.uuid).toBe(uuid);
    expect(fake.calls.map((c) => c.argv)).toEqual([['vmadm', 'get', uuid]]);
  });

  it('reports a missing VM as VmNotFound', async () => {
    const fake = createFakeTransport([replay('vmadm-get-not-found.stderr.txt', 1)]);
    const err = await rejection(createHostDriver(fake).getVm('11111111-2222-3333-4444-555555555555'));
    expect(err).toMatchObject({
      code: 'VmNotFound',
      exitCode: 1,
      argv: ['vmadm', 'get', '11111111-2222-3333-4444-555555555555'],
    });
  });

  it.each([
    'powerdns',
    '',
    '$(reboot)',
    '11111111-2222-3333-4444-55555555555',
    '11111111-2222-3333-4444-555555555555 -F',
  ])('refuses %j before running anything', async (bad) => {
    const fake = createFakeTransport();
    const driver = createHostDriver(fake);
    for (const op of [driver.getVm(bad), driver.startVm(bad), driver.stopVm(bad), driver.rebootVm(bad)]) {
      expect((await rejection(op)).code).toBe('InvalidUuid');
    }
    expect(fake.calls).toEqual([]);
  });
});

describe('hostDriver power operations', () => {
  const uuid = '024ab643-ed65-48ab-95f8-5e5976539bfa';

  it('starts a VM', async () => {
    const fake = createFakeTransport([replay('vmadm-start.stderr.txt')]);
    await expect(createHostDriver(fake).startVm(uuid)).resolves.toEqual({
      message: `Successfully started VM ${uuid}`,
    });
    expect(fake.calls).toEqual([{ argv: ['vmadm', 'start', uuid], timeoutMs: 300_000 }]);
  });

  it('starting a running VM succeeds (vmadm exits 0)', async () => {
    const fake = createFakeTransport([replay('vmadm-start-already-running.stderr.txt')]);
    await expect(createHostDriver(fake).startVm(uuid)).resolves.toEqual({
      message: `VM ${uuid} is already 'running'`,
    });
  });

  it('stops a VM, and forces it with -F', async () => {
    const fake = createFakeTransport([replay('vmadm-stop.stderr.txt'), replay('vmadm-stop-F.stderr.txt')]);
    const driver = createHostDriver(fake);
    await driver.stopVm(uuid);
    await driver.stopVm(uuid, { force: true });
    expect(fake.calls.map((c) => c.argv)).toEqual([
      fixture('vmadm-stop.stderr.txt').argv,
      fixture('vmadm-stop-F.stderr.txt').argv,
    ]);
  });

  it('reboots a VM', async () => {
    const fake = createFakeTransport([replay('vmadm-reboot.stderr.txt')]);
    await expect(createHostDriver(fake).rebootVm(uuid)).resolves.toEqual({
      message: `Successfully completed reboot for VM ${uuid}`,
    });
  });

  it('reports a failed start with the reason vmadm gave', async () => {
    const stderr = `Unable to start VM ${uuid}: zoneadm: ${uuid}: No such zone configured\n`;
    const fake = createFakeTransport([{ argv: ['vmadm', 'start', uuid], exitCode: 1, stderr }]);
    const err = await rejection(createHostDriver(fake).startVm(uuid));
    expect(err.code).toBe('VmNotFound');
    expect(err.message).toBe(`vmadm start ${uuid} failed with exit code 1: ${stderr.trim()}`);
  });
});
