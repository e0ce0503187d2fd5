/**
 * Contract cases for every HostDriver operation beyond listing: create, update, snapshots,
 * delete, consoles, images, storage, network and services, and hostile aliases reaching the
 * host verbatim. Run on both transports by hostDriver.contract.test.ts.
 */
import { existsSync } from 'node:fs';

import { expect } from 'vitest';

import type { ImageImportEvent } from '../src/model/image.js';
import { VmSpec } from '../src/model/vmSpec.js';
import { BASE64_IMAGE, codeOf, DHCP, ELK, rejection, type Case } from './contractSubject.js';

const zoneSpec = (alias: string, ip: string) =>
  VmSpec.parse({
    brand: 'joyent',
    alias,
    image_uuid: BASE64_IMAGE,
    ram: 256,
    quota: 5,
    nics: [{ nic_tag: 'admin', ip, netmask: '255.255.255.0', gateway: '192.168.1.1' }],
    customer_metadata: { 'user-script': "echo 'hi' && `id`" },
  });

export const OPERATION_CASES: Case[] = [
  {
    name: 'validates, creates, updates, snapshots, rolls back and deletes a zone',
    async run({ driver }) {
      const spec = zoneSpec(`it's "quoted" ünï`, '192.168.1.77');
      expect((await driver.validateVm(spec)).message).toBe("VALID 'create' payload for joyent brand VMs.");
      const created = await driver.createVm(spec);
      expect(created.message).toBe(`Successfully created VM ${created.uuid}`);
      const vm = await driver.getVm(created.uuid);
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
    },
  },
  {
    name: 'hostile aliases reach the host verbatim through create, and a newline is refused by VmSpec',
    async run({ driver }) {
      const [a, b] = ['/tmp/zd-pwned-a', '/tmp/zd-pwned-b'] as const;
      const aliases = ['--help', `'$(touch ${a})' "\`touch ${b}\`" 日本😀 ünï`];
      for (const [i, alias] of aliases.entries()) {
        const created = await driver.createVm(zoneSpec(alias, `192.168.1.${80 + i}`));
        expect((await driver.getVm(created.uuid)).alias).toBe(alias);
        expect((await driver.listVms()).find((v) => v.uuid === created.uuid)?.alias).toBe(alias);
        await driver.deleteVm(created.uuid);
      }
      expect([a, b].filter((m) => existsSync(m))).toEqual([]);
      const refused = VmSpec.safeParse({ ...zoneSpec('x', '192.168.1.90'), alias: 'two\nlines' });
      expect(refused.success).toBe(false);
      expect(refused.error?.issues[0]).toMatchObject({ path: ['alias'], message: 'no control characters' });
    },
  },
  {
    name: 'refuses a payload the host rejects with the property named, and creates nothing',
    async run({ driver }) {
      const before = (await driver.listVms()).length;
      const spec = zoneSpec('refused', '192.168.1.78');
      const err = await rejection(driver.createVm(spec, { extra: { cpu_cap: 'lots' } }));
      expect(err).toMatchObject({ code: 'InvalidProperty', properties: ['cpu_cap'] });
      expect(await driver.listVms()).toHaveLength(before);
    },
  },
  {
    name: 'knows where a guest’s consoles are',
    async run({ driver, host }) {
      const elk = await driver.consoleEndpoints(ELK);
      expect(elk.vnc).toBe(`${host.root}/zones/${ELK}/root/tmp/vm.vnc`);
      expect(elk.serial).toBe(`${host.root}/zones/${ELK}/root/tmp/vm.console`);
      const zone = await driver.consoleEndpoints(DHCP);
      expect(zone).toMatchObject({ vnc: null, serial: null, shell: ['zlogin', DHCP] });
      expect(await driver.vmInfo(ELK, ['vnc'])).toHaveProperty('vnc');
    },
  },
  {
    name: 'images: lists installed ones, reads the catalog, imports one and deletes it; one in use stays',
    async run({ driver }) {
      const installed = await driver.listImages();
      expect(installed.map((i) => i.manifest.uuid)).toContain(BASE64_IMAGE);
      const catalog = await driver.availImages();
      const candidate = catalog.find((m) => !installed.some((i) => i.manifest.uuid === m.uuid));
      const uuid = candidate?.uuid ?? '';
      expect(uuid).not.toBe('');
      // on a terminal imgadm draws its bar: each line and draw reaches onEvent as it comes
      const live: ImageImportEvent[] = [];
      const events = await driver.importImage(uuid, { onEvent: (e) => live.push(e) });
      expect(live).toEqual(events);
      expect(events.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['importing', 'must-download', 'progress', 'downloaded', 'imported']),
      );
      const lastDraw = events.filter((e) => e.kind === 'progress').at(-1);
      const size = candidate?.files?.[0]?.size ?? 0;
      expect(lastDraw).toMatchObject({ percent: 100 });
      // progbar's figure has two decimals in KB/MB: within 1 % of the manifest's size
      expect(Math.abs((lastDraw?.kind === 'progress' ? (lastDraw.bytes ?? 0) : 0) - size)).toBeLessThan(
        size / 100,
      );
      const missing = await rejection(driver.importImage('00000000-0000-4000-8000-000000000000'));
      expect(missing).toMatchObject({ code: 'ImageNotFound' });
      expect(missing.message).toMatch(/imgadm import: error \(ActiveImageNotFound\)/);
      expect((await driver.getImage(uuid)).manifest.uuid).toBe(uuid);
      await driver.deleteImage(uuid);
      expect(await codeOf(driver.getImage(uuid))).toBe('ImageNotInstalled');
      expect(await codeOf(driver.deleteImage(BASE64_IMAGE))).toBe('ImageInUse');
    },
  },
  {
    name: 'storage: the pool, its status with the dedup table, datasets, the ARC, and a scrub',
    async run({ driver }) {
      const [pool] = await driver.listPools();
      expect(pool).toMatchObject({ name: 'zones', health: 'ONLINE' });
      const [status] = await driver.poolStatus('zones');
      expect(status?.config.map((v) => v.name)).toContain('zones');
      expect(status?.ddt?.entries).toBeGreaterThan(0);
      const datasets = await driver.listDatasets({ types: ['filesystem', 'volume'] });
      expect(datasets.map((d) => d.name)).toContain(`zones/${DHCP}`);
      expect((await driver.arcStats()).size).toBeGreaterThan(0);
      await driver.startScrub('zones');
      expect(await codeOf(driver.startScrub('zones'))).toBe('PoolBusy');
    },
  },
  {
    name: 'network: NICs, nic tags and VNICs',
    async run({ driver }) {
      expect((await driver.physicalNics()).map((n) => n.link)).toEqual(['bge0', 'bge1']);
      expect((await driver.nicTags()).map((t) => t.name)).toContain('admin');
      expect((await driver.vnics()).length).toBeGreaterThan(0);
    },
  },
  {
    name: 'services: lists, explains the broken ones, disables and enables one',
    async run({ driver }) {
      const fmri = 'svc:/network/ssh:default';
      const state = async () => (await driver.listServices()).find((s) => s.fmri === fmri)?.state;
      expect(await state()).toBe('online');
      expect((await driver.explainServices()).length).toBeGreaterThan(0);
      await driver.changeService('disable', fmri);
      expect(await state()).toBe('disabled');
      await driver.changeService('enable', fmri);
      expect(await state()).toBe('online');
      expect(await codeOf(driver.changeService('enable', 'svc:/no/such:thing'))).toBe('ServiceNotFound');
    },
  },
];
