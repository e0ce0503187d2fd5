/**
 * Every HostDriver operation beyond listing, against the simulated office host through the
 * real LocalTransport: create, update, snapshot, delete, storage, network and services.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { initSim, simEnv } from '@zonedeck/smartos-sim';

import { SmartosError } from './errors.js';
import { createHostDriver, type HostDriver } from './hostDriver.js';
import { VmSpec } from './model/vmSpec.js';
import { createLocalTransport } from './transport/localTransport.js';
import type { Transport } from './transport/transport.js';

const BASE64 = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';
const root = mkdtempSync(join(tmpdir(), 'zonedeck-driver-ops-'));
let transport: Transport;
let driver: HostDriver;

beforeAll(async () => {
  await initSim({ root, profile: 'office' });
  transport = createLocalTransport({ env: { ...simEnv(root), SMARTOS_SIM_SPEED: '50' } });
  driver = createHostDriver(transport);
});
afterAll(async () => {
  await transport.close();
  await rm(root, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof SmartosError ? err.code : String(err);
  }
}

describe('VM lifecycle through the driver', () => {
  const spec = VmSpec.parse({
    brand: 'joyent',
    alias: `it's "quoted" $(touch /tmp/zonedeck-pwned) ünï`,
    image_uuid: BASE64,
    ram: 256,
    quota: 5,
    nics: [{ nic_tag: 'admin', ip: '192.168.1.77', netmask: '255.255.255.0', gateway: '192.168.1.1' }],
    customer_metadata: { 'user-script': "echo 'hi' && `id`" },
  });

  it('validates, creates, updates, snapshots, rolls back and deletes a zone', async () => {
    expect((await driver.validateVm(spec)).message).toBe("VALID 'create' payload for joyent brand VMs.");
    const created = await driver.createVm(spec);
    expect(created.message).toBe(`Successfully created VM ${created.uuid}`);

    const vm = await driver.getVm(created.uuid);
    // Hostile text reached the host verbatim, as JSON on stdin.
    expect(vm.alias).toBe(spec.alias);
    expect((vm.customer_metadata as Record<string, string>)['user-script']).toBe("echo 'hi' && `id`");
    expect(vm.state).toBe('running');

    await driver.updateVm(created.uuid, { max_physical_memory: 512, set_tags: { role: 'web' } });
    expect((await driver.getVm(created.uuid)).max_physical_memory).toBe(512);

    expect((await driver.createSnapshot(created.uuid, 'before')).message).toBe(
      `Created snapshot before for VM ${created.uuid}`,
    );
    const datasets = await driver.listDatasets({ types: ['snapshot'] });
    expect(datasets.map((d) => d.name)).toContain(`zones/${created.uuid}@vmsnap-before`);
    expect((await driver.rollbackSnapshot(created.uuid, 'before')).message).toBe(
      `Rolled back snapshot before for VM ${created.uuid}`,
    );
    await driver.deleteSnapshot(created.uuid, 'before');

    expect((await driver.deleteVm(created.uuid)).message).toBe(`Successfully deleted VM ${created.uuid}`);
    expect(await codeOf(driver.getVm(created.uuid))).toBe('VmNotFound');
  });

  it('refuses a payload the host rejects with the property named, and creates nothing', async () => {
    const before = (await driver.listVms()).length;
    const err = await driver.createVm(spec, { extra: { cpu_cap: 'lots' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmartosError);
    expect((err as SmartosError).code).toBe('InvalidProperty');
    expect((err as SmartosError).properties).toEqual(['cpu_cap']);
    expect(await driver.listVms()).toHaveLength(before);
  });

  it('knows where a guest’s consoles are', async () => {
    const elk = await driver.consoleEndpoints(ELK);
    expect(elk.vnc).toBe(`${root}/zones/${ELK}/root/tmp/vm.vnc`);
    expect(elk.serial).toBe(`${root}/zones/${ELK}/root/tmp/vm.console`);
    const zone = await driver.consoleEndpoints(DHCP);
    expect(zone).toMatchObject({ vnc: null, serial: null, shell: ['zlogin', DHCP] });
    expect(await driver.vmInfo(ELK, ['vnc'])).toHaveProperty('vnc');
  });
});

describe('images through the driver', () => {
  it('lists installed images, reads the catalog, imports one and deletes it', async () => {
    const installed = await driver.listImages();
    expect(installed.map((i) => i.manifest.uuid)).toContain(BASE64);
    const catalog = await driver.availImages();
    const candidate = catalog.find((m) => !installed.some((i) => i.manifest.uuid === m.uuid));
    expect(candidate).toBeDefined();
    const uuid = candidate?.uuid ?? '';
    const events = await driver.importImage(uuid);
    expect(events.map((e) => e.kind)).toContain('imported');
    expect((await driver.getImage(uuid)).manifest.uuid).toBe(uuid);
    await driver.deleteImage(uuid);
    expect(await codeOf(driver.getImage(uuid))).toBe('ImageNotInstalled');
  });

  it('refuses to delete an image VMs were made from', async () => {
    expect(await codeOf(driver.deleteImage(BASE64))).toBe('ImageInUse');
  });
});

describe('storage, network and services through the driver', () => {
  it('reads the pool, its status with the dedup table, datasets and the ARC', async () => {
    const [pool] = await driver.listPools();
    expect(pool).toMatchObject({ name: 'zones', health: 'ONLINE' });
    const [status] = await driver.poolStatus('zones');
    expect(status?.config.map((v) => v.name)).toContain('zones');
    expect(status?.ddt?.entries).toBeGreaterThan(0);
    const datasets = await driver.listDatasets({ types: ['filesystem', 'volume'] });
    expect(datasets.map((d) => d.name)).toContain(`zones/${DHCP}`);
    const arc = await driver.arcStats();
    expect(arc.size).toBeGreaterThan(0);
  });

  it('starts a scrub, and a second one is refused as busy', async () => {
    await driver.startScrub('zones');
    expect(await codeOf(driver.startScrub('zones'))).toBe('PoolBusy');
  });

  it('reads NICs, nic tags and VNICs', async () => {
    expect((await driver.physicalNics()).map((n) => n.link)).toEqual(['bge0', 'bge1']);
    expect((await driver.nicTags()).map((t) => t.name)).toContain('admin');
    expect((await driver.vnics()).length).toBeGreaterThan(0);
  });

  it('lists services, explains the broken ones, and disables and enables one', async () => {
    const services = await driver.listServices();
    const ssh = services.find((s) => s.fmri === 'svc:/network/ssh:default');
    expect(ssh?.state).toBe('online');
    expect((await driver.explainServices()).length).toBeGreaterThan(0);
    await driver.changeService('disable', 'svc:/network/ssh:default');
    expect((await driver.listServices()).find((s) => s.fmri === ssh?.fmri)?.state).toBe('disabled');
    await driver.changeService('enable', 'svc:/network/ssh:default');
    expect(await codeOf(driver.changeService('enable', 'svc:/no/such:thing'))).toBe('ServiceNotFound');
  });
});
