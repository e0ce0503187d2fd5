// What vmadm does to ZFS (state/zfsStore.ts): create clones the image (`zfs clone
// zones/<image>@final zones/<uuid>`) or makes zvols, snapshots are `<zfs_filesystem>@vmsnap-<name>`,
// delete destroys the VM's datasets. Call under the state lock. A host whose state directory
// has no zfs.json has no ZFS model: these are then no-ops.
import { existsSync } from 'node:fs';

import { isJsonObject, jsString, type JsonObject, type VmObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import {
  clone,
  createFilesystem,
  createZvol,
  destroy,
  GiB,
  hasDataset,
  MiB,
  readZfs,
  rollback,
  setProperty,
  snapshot,
  writeData,
  writeZfs,
  zfsFile,
  type ZfsState,
} from '../../state/zfsStore.js';

function withZfs<T>(layout: SimLayout, fn: (z: ZfsState) => T): T | undefined {
  if (!existsSync(zfsFile(layout))) return undefined;
  const z = readZfs(layout);
  const result = fn(z);
  writeZfs(layout, z);
  return result;
}

/** The names of the host's pools (for zpool-typed payload properties). */
export function zpoolNames(layout: SimLayout): string[] {
  if (!existsSync(zfsFile(layout))) return ['zones'];
  return Object.keys(readZfs(layout).pools);
}

function quotaProps(vm: VmObject): Record<string, string> {
  const props: Record<string, string> = {};
  if (typeof vm.quota === 'number' && vm.quota > 0) props.quota = jsString(vm.quota * GiB);
  return props;
}

function hvmDisks(vm: VmObject): JsonObject[] {
  return Array.isArray(vm.disks) ? vm.disks.filter(isJsonObject) : [];
}

/** A filesystem cloned from the image, or a new empty one when the image has no @final. */
function cloneOrCreate(z: ZfsState, origin: string, target: string, props: Record<string, string>): void {
  if (hasDataset(z, origin)) clone(z, origin, target, props);
  else createFilesystem(z, target, props);
}

/** Creates the VM's datasets (before the zone is installed). Throws ZfsError. */
export function createVmDatasets(layout: SimLayout, vm: VmObject, payload: JsonObject): void {
  withZfs(layout, (z) => {
    const root = jsString(vm.zfs_filesystem);
    const zpool = jsString(vm.zpool);
    const hvm = Array.isArray(vm.disks);
    const props = quotaProps(vm);
    if (typeof payload.zfs_root_compression === 'string') props.compression = payload.zfs_root_compression;
    if (!hvm) {
      cloneOrCreate(z, `${zpool}/${jsString(vm.image_uuid)}@final`, root, props);
      if (vm.delegate_dataset === true) {
        const data: Record<string, string> = {};
        if (typeof payload.zfs_data_compression === 'string') data.compression = payload.zfs_data_compression;
        createFilesystem(z, `${root}/data`, data);
      }
      return;
    }
    createFilesystem(z, root, props);
    for (const disk of hvmDisks(vm)) {
      if (typeof disk.zfs_filesystem !== 'string') continue;
      const diskProps: Record<string, string> = {};
      if (typeof disk.compression === 'string') diskProps.compression = disk.compression;
      if (typeof disk.refreservation === 'number')
        diskProps.refreservation = jsString(disk.refreservation * MiB);
      const origin = `${jsString(disk.zpool ?? zpool)}/${jsString(disk.image_uuid)}@final`;
      if (typeof disk.image_uuid === 'string' && hasDataset(z, origin)) {
        clone(z, origin, disk.zfs_filesystem, diskProps);
      } else {
        diskProps.volblocksize = jsString(typeof disk.block_size === 'number' ? disk.block_size : 8192);
        createZvol(z, disk.zfs_filesystem, Number(disk.size) * MiB, diskProps);
      }
    }
  });
}

/** What one zone's first boot writes that no other zone has: ssh host keys, logs, its SMF repository. */
export const FIRST_BOOT_UNIQUE_BYTES = 8 * MiB;
/** What zoneinit writes alike in every zone of an image (the seeded zones hold the same blocks). */
export const FIRST_BOOT_IMAGE_BYTES = 24 * MiB;

/**
 * What a zone writes into its root during first boot, into a pool with dedup on: the files
 * zoneinit writes alike in every zone of the image, which dedup with those of the image's other
 * zones (one more DDT reference each), and the zone's own files (new DDT entries).
 */
export function writeFirstBootData(layout: SimLayout, vm: VmObject): void {
  withZfs(layout, (z) => {
    const root = jsString(vm.zfs_filesystem);
    if (Array.isArray(vm.disks)) {
      const disk0 = hvmDisks(vm)[0]?.zfs_filesystem;
      if (typeof disk0 === 'string' && hasDataset(z, disk0))
        writeData(z, disk0, 64 * MiB, { dedupKey: `firstboot:${jsString(vm.uuid)}` });
      return;
    }
    if (!hasDataset(z, root)) return;
    // compressibility as the seed wrote it (zfsSeed.ts provisionVm): the same blocks, so they dedup
    writeData(z, root, FIRST_BOOT_IMAGE_BYTES, {
      dedupKey: `image:${jsString(vm.image_uuid)}:firstboot`,
      compressibility: 2,
    });
    writeData(z, root, FIRST_BOOT_UNIQUE_BYTES, { compressibility: 1.9 });
  });
}

/** The datasets `vmadm delete` destroys: the zone root and (kvm) the disks beside it. */
export function destroyVmDatasets(layout: SimLayout, vm: VmObject): void {
  withZfs(layout, (z) => {
    const names = [jsString(vm.zfs_filesystem), ...hvmDisks(vm).map((d) => jsString(d.zfs_filesystem))];
    for (const name of names) if (hasDataset(z, name)) destroy(z, name, { recursive: true });
  });
}

/** The datasets a VM's snapshots cover: bhyve snapshots its zone root recursively. */
function snapshotTargets(z: ZfsState, vm: VmObject, short: string): string[] {
  const root = jsString(vm.zfs_filesystem);
  const all = vm.brand === 'bhyve' ? [root, ...hvmDisks(vm).map((d) => jsString(d.zfs_filesystem))] : [root];
  return all.filter((name) => hasDataset(z, name) && (short === '' || hasDataset(z, `${name}@${short}`)));
}

export function snapshotVm(layout: SimLayout, vm: VmObject, snapname: string): void {
  withZfs(layout, (z) => {
    const root = jsString(vm.zfs_filesystem);
    if (!hasDataset(z, root)) return;
    snapshot(z, `${root}@vmsnap-${snapname}`, { recursive: vm.brand === 'bhyve' });
  });
}

export function rollbackVm(layout: SimLayout, vm: VmObject, snapname: string): void {
  withZfs(layout, (z) => {
    for (const ds of snapshotTargets(z, vm, `vmsnap-${snapname}`))
      rollback(z, `${ds}@vmsnap-${snapname}`, { destroyNewer: true });
  });
}

export function destroyVmSnapshot(layout: SimLayout, vm: VmObject, snapname: string): void {
  withZfs(layout, (z) => {
    const root = jsString(vm.zfs_filesystem);
    if (hasDataset(z, `${root}@vmsnap-${snapname}`))
      destroy(z, `${root}@vmsnap-${snapname}`, { recursive: vm.brand === 'bhyve' });
  });
}

/** `vmadm update quota=N`: the zone root's quota (0 = none). */
export function setVmQuota(layout: SimLayout, vm: VmObject, quotaGiB: number): void {
  withZfs(layout, (z) => {
    const root = jsString(vm.zfs_filesystem);
    if (hasDataset(z, root)) setProperty(z, root, 'quota', quotaGiB > 0 ? jsString(quotaGiB * GiB) : '0');
  });
}

/** update add_disks: new zvols; remove_disks: destroyed. */
export function addVmDisk(layout: SimLayout, disk: JsonObject): void {
  withZfs(layout, (z) => {
    if (typeof disk.zfs_filesystem !== 'string' || hasDataset(z, disk.zfs_filesystem)) return;
    const props: Record<string, string> = { volblocksize: jsString(disk.block_size ?? 8192) };
    if (typeof disk.compression === 'string') props.compression = disk.compression;
    if (typeof disk.refreservation === 'number') props.refreservation = jsString(disk.refreservation * MiB);
    createZvol(z, disk.zfs_filesystem, Number(disk.size) * MiB, props);
  });
}

export function removeVmDisk(layout: SimLayout, disk: JsonObject): void {
  withZfs(layout, (z) => {
    if (typeof disk.zfs_filesystem === 'string' && hasDataset(z, disk.zfs_filesystem))
      destroy(z, disk.zfs_filesystem, { recursive: true });
  });
}
