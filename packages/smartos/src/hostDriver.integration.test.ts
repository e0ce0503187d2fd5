/**
 * The driver against the simulated SmartOS host (packages/smartos-sim) through the real
 * LocalTransport: real processes, real argv, real output. Nothing here is mocked.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { initSim, simEnv } from '@zonedeck/smartos-sim';

import { isSmartosError, type SmartosError } from './errors.js';
import { createHostDriver, LIST_VMS_FIELDS, type HostDriver } from './hostDriver.js';
import { HostSummary } from './model/host.js';
import { VmSummary } from './model/vm.js';
import { parseVmadmListParsable, parseVmadmListTable } from './parsers/vmadmList.js';
import { createLocalTransport } from './transport/localTransport.js';
import type { Transport } from './transport/transport.js';

const scratch = mkdtempSync(join(tmpdir(), 'zonedeck-driver-sim-'));
// The hosts' state directories are big (2,000 VMs): generous limits for setup and cleanup.
const SLOW_MS = 120_000;
afterAll(() => rm(scratch, { recursive: true, force: true }), SLOW_MS);

async function rejection(promise: Promise<unknown>): Promise<SmartosError> {
  try {
    await promise;
  } catch (err) {
    if (isSmartosError(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

async function simHost(profile: 'office' | 'large'): Promise<{ transport: Transport; driver: HostDriver }> {
  const root = join(scratch, profile);
  await initSim({ root, profile });
  const transport = createLocalTransport({ env: simEnv(root) });
  return { transport, driver: createHostDriver(transport) };
}

describe('HostDriver on the simulated office host', () => {
  let driver: HostDriver;
  let transport: Transport;
  beforeAll(async () => {
    ({ driver, transport } = await simHost('office'));
  }, SLOW_MS);
  afterAll(() => transport.close());

  const POWERDNS = '024ab643-ed65-48ab-95f8-5e5976539bfa';

  it('reads the host summary', async () => {
    const host = await driver.hostSummary();
    expect(HostSummary.parse(host)).toEqual(host);
    expect(host).toMatchObject({
      hostname: 'smartos',
      uuid: '44454c4c-4800-1034-804a-b2c04f354d32',
      memoryMiB: 16349,
      adminIp: '192.168.1.3',
      zpool: 'zones',
    });
    expect(host.nics.find((n) => n.name === 'bge0')).toMatchObject({ linkUp: true, nicTags: ['admin'] });
  });

  it('lists the six VMs', async () => {
    const vms = await driver.listVms();
    for (const vm of vms) expect(VmSummary.parse(vm)).toEqual(vm);
    expect(vms.map((vm) => vm.alias).sort()).toEqual(
      ['DHCP', 'MySQL-PerconaDB', 'OCS Inventory NG', 'elk', 'powerdns', 'samba'].sort(),
    );
    expect(vms.find((vm) => vm.alias === 'DHCP')).toMatchObject({ brand: 'joyent', ramMiB: 64, quotaGiB: 5 });
    expect(
      vms
        .filter((vm) => vm.brand === 'kvm')
        .map((vm) => vm.alias)
        .sort(),
    ).toEqual(['OCS Inventory NG', 'elk']);
  });

  it('gets every listed VM', async () => {
    for (const summary of await driver.listVms()) {
      const vm = await driver.getVm(summary.uuid);
      expect(vm.uuid).toBe(summary.uuid);
      expect(vm.alias ?? null).toBe(summary.alias);
      expect(vm.brand).toBe(summary.brand);
      if (vm.brand === 'kvm') expect(vm.disks?.length).toBeGreaterThan(0);
    }
  });

  it('reports a VM the host does not have as VmNotFound', async () => {
    const err = await rejection(driver.getVm('11111111-2222-3333-4444-555555555555'));
    expect(err).toMatchObject({ code: 'VmNotFound', exitCode: 1 });
  });

  it('stops, starts, force-stops and reboots a VM', async () => {
    const state = async () => (await driver.getVm(POWERDNS)).state;

    expect((await driver.stopVm(POWERDNS)).message).toBe(`Successfully completed stop for VM ${POWERDNS}`);
    expect(await state()).toBe('stopped');
    expect((await driver.listVms()).find((vm) => vm.uuid === POWERDNS)?.state).toBe('stopped');
    // stopping a stopped VM succeeds: vmadm says so and exits 0
    expect((await driver.stopVm(POWERDNS)).message).toMatch(/already not 'running'/);

    expect((await driver.startVm(POWERDNS)).message).toBe(`Successfully started VM ${POWERDNS}`);
    expect(await state()).toBe('running');
    expect((await driver.startVm(POWERDNS)).message).toMatch(/already 'running'/);

    await driver.stopVm(POWERDNS, { force: true });
    expect(await state()).toBe('stopped');
    await driver.startVm(POWERDNS);
    await driver.rebootVm(POWERDNS);
    expect(await state()).toBe('running');
  });

  it('reads the table forms of vmadm list the same as -p', async () => {
    const run = async (argv: string[]) => (await transport.exec({ argv, timeoutMs: 30_000 })).stdout;
    const defaults = await run(['vmadm', 'list']);
    const parsable = await run(['vmadm', 'list', '-p']);
    expect(parseVmadmListTable(defaults)).toEqual(
      parseVmadmListParsable(parsable, ['uuid', 'type', 'ram', 'state', 'alias']),
    );
    const fields = ['uuid', 'alias', 'brand', 'state', 'ram', 'quota', 'cpu_cap', 'image_uuid'];
    const table = await run(['vmadm', 'list', '-H', '-o', fields.join(','), '-s', 'uuid']);
    const rows = await run(['vmadm', 'list', '-p', '-o', fields.join(','), '-s', 'uuid']);
    expect(parseVmadmListTable(table, { fields, header: false })).toEqual(
      parseVmadmListParsable(rows, fields),
    );
  });
});

describe('HostDriver on the simulated large host', () => {
  it(
    'lists 2,000 VMs of every brand, and the table form agrees with -p',
    async () => {
      const { driver, transport } = await simHost('large');
      try {
        const vms = await driver.listVms();
        expect(vms).toHaveLength(2000);
        expect(new Set(vms.map((vm) => vm.brand))).toEqual(new Set(['joyent', 'lx', 'kvm', 'bhyve']));
        for (const vm of vms) VmSummary.parse(vm);
        // the seed has aliases with ':' (vmadm -p does not escape it), and VMs without one
        expect(vms.some((vm) => vm.alias?.includes(':'))).toBe(true);
        expect(vms.some((vm) => vm.alias === null)).toBe(true);

        const fields = [...LIST_VMS_FIELDS];
        const run = async (argv: string[]) => (await transport.exec({ argv, timeoutMs: 60_000 })).stdout;
        const table = await run(['vmadm', 'list', '-o', fields.join(','), '-s', 'uuid']);
        const parsable = await run(['vmadm', 'list', '-p', '-o', fields.join(','), '-s', 'uuid']);
        expect(parseVmadmListTable(table)).toEqual(parseVmadmListParsable(parsable, fields));
      } finally {
        await transport.close();
      }
    },
    SLOW_MS,
  );
});
