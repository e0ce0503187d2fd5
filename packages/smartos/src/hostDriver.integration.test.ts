/**
 * The driver against the simulated large SmartOS host (packages/smartos-sim, 2,000 VMs)
 * through the real LocalTransport: real processes, real argv, real output. Nothing here is
 * mocked. The office host, through both transports, is hostDriver.contract.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { initSim, simEnv } from '@zonedeck/smartos-sim';

import { createHostDriver, type HostDriver } from './hostDriver.js';
import { VmSummary } from './model/vm.js';
import { parseVmadmListParsable, parseVmadmListTable } from './parsers/vmadmList.js';
import { createLocalTransport } from './transport/localTransport.js';
import type { Transport } from './transport/transport.js';

const scratch = mkdtempSync(join(tmpdir(), 'zonedeck-driver-sim-'));
// The hosts' state directories are big (2,000 VMs): generous limits for setup and cleanup.
const SLOW_MS = 120_000;
afterAll(() => rm(scratch, { recursive: true, force: true }), SLOW_MS);

async function simHost(profile: 'office' | 'large'): Promise<{ transport: Transport; driver: HostDriver }> {
  const root = join(scratch, profile);
  await initSim({ root, profile });
  const transport = createLocalTransport({ env: simEnv(root) });
  return { transport, driver: createHostDriver(transport) };
}

describe('HostDriver on the simulated large host', () => {
  it(
    'lists 2,000 VMs of every brand as `vmadm list` lists them (table and -p forms agree)',
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

        // the lookup the driver reads agrees with `vmadm list`: the fields -p can carry, and
        // the first NIC's address (IPv4 here, so colon-free)
        const fields = ['uuid', 'brand', 'state', 'ram', 'cpu_cap', 'quota', 'nics.0.ip', 'alias'];
        const run = async (argv: string[]) => (await transport.exec({ argv, timeoutMs: 60_000 })).stdout;
        const table = await run(['vmadm', 'list', '-o', fields.join(','), '-s', 'uuid']);
        const parsable = await run(['vmadm', 'list', '-p', '-o', fields.join(','), '-s', 'uuid']);
        const rows = parseVmadmListParsable(parsable, fields);
        expect(parseVmadmListTable(table)).toEqual(rows);
        const byUuid = new Map(vms.map((vm) => [vm.uuid, vm]));
        expect(rows).toHaveLength(vms.length);
        for (const row of rows) {
          const vm = byUuid.get(row['uuid'] ?? '');
          expect(vm, row['uuid'] ?? '?').toBeDefined();
          expect([vm?.brand, vm?.state, vm?.ramMiB, vm?.cpuCap, vm?.quotaGiB, vm?.alias]).toEqual([
            row['brand'],
            row['state'],
            Number(row['ram']),
            row['cpu_cap'] === null ? null : Number(row['cpu_cap']),
            row['quota'] === null ? null : Number(row['quota']),
            row['alias'],
          ]);
          if (row['nics.0.ip'] !== null) expect(vm?.ips[0]).toBe(row['nics.0.ip']);
        }
        expect(vms.every((vm) => vm.createdAt !== null && !Number.isNaN(Date.parse(vm.createdAt)))).toBe(
          true,
        );
        expect(vms.filter((vm) => vm.brand === 'kvm').every((vm) => vm.imageUuid !== null)).toBe(true);
        // listVms is sorted by alias as `vmadm list -s alias` sorts
        const sorted = parseVmadmListParsable(
          await run(['vmadm', 'list', '-p', '-o', 'uuid,alias', '-s', 'alias']),
          ['uuid', 'alias'],
        );
        expect(vms.map((vm) => vm.alias)).toEqual(sorted.map((row) => row['alias']));
      } finally {
        await transport.close();
      }
    },
    SLOW_MS,
  );
});
