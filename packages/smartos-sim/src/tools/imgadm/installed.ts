// Installed images as imgadm finds them (imgadm.js _loadImages / getImage): the datasets named
// <pool>/<uuid> that are not a zone's root and not a clone of an image's @final without a
// @final of their own, each with imgadm's record (state/imageStore.ts) and its clones - the
// filesystems and volumes whose origin is one of its snapshots, in creation order.
// A state directory without zfs.json has no ZFS: the image store alone says what is installed.
import { existsSync, readdirSync } from 'node:fs';

import { listImages, readImageRecord, type ImageRecord } from '../../state/imageStore.js';
import { jsString, type JsonObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import {
  descendants,
  getDataset,
  hasDataset,
  listSnapshots,
  readZfs,
  zfsFile,
  type DatasetRecord,
  type ZfsState,
} from '../../state/zfsStore.js';
import { compareDatasets } from '../zfs/select.js';
import type { ImageInfo } from './rows.js';

const IMG_NAME = /^([^/@]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function infoOf(record: ImageRecord | undefined, uuid: string, zpool: string): ImageInfo {
  if (record === undefined || record.zpool !== zpool) return { manifest: { uuid }, zpool };
  const info: ImageInfo = { manifest: record.manifest, zpool: record.zpool };
  if (record.source !== undefined) info.source = record.source;
  return info;
}

function vmUuids(layout: SimLayout): Set<string> {
  try {
    return new Set(readdirSync(layout.vmsDir).map((n) => n.replace(/\.json$/, '')));
  } catch {
    return new Set();
  }
}

export function readZfsIfAny(layout: SimLayout): ZfsState | undefined {
  return existsSync(zfsFile(layout)) ? readZfs(layout) : undefined;
}

/** Filesystems and volumes cloned from a snapshot of `dataset`, oldest first. */
export function dependentClones(z: ZfsState, dataset: string): string[] {
  const prefix = `${dataset}@`;
  return Object.values(z.datasets)
    .filter((d) => d.type !== 'snapshot' && d.origin?.startsWith(prefix) === true)
    .sort((a, b) => a.createtxg - b.createtxg)
    .map((d) => d.name);
}

function isImageDataset(z: ZfsState, d: DatasetRecord, zoneRoots: Set<string>): boolean {
  const m = IMG_NAME.exec(d.name);
  if (!m || d.type === 'snapshot' || zoneRoots.has(m[2] ?? '')) return false;
  if (d.origin?.endsWith('@final') === true && !hasDataset(z, `${d.name}@final`)) return false;
  return d.props['imgadm:ignore'] !== 'true';
}

/** `imgadm list`: every installed image with cloneNames and clones. */
export function loadInstalledImages(layout: SimLayout): ImageInfo[] {
  const z = readZfsIfAny(layout);
  if (z === undefined) {
    return listImages(layout).map((manifest: JsonObject) => {
      const uuid = jsString(manifest.uuid);
      return { ...infoOf(readImageRecord(layout, uuid), uuid, 'zones'), cloneNames: [], clones: 0 };
    });
  }
  const zoneRoots = vmUuids(layout);
  return Object.values(z.datasets)
    .filter((d) => isImageDataset(z, d, zoneRoots))
    .sort(compareDatasets)
    .map((d) => {
      const m = IMG_NAME.exec(d.name);
      const zpool = m?.[1] ?? 'zones';
      const uuid = m?.[2] ?? '';
      const cloneNames = dependentClones(z, d.name);
      return { ...infoOf(readImageRecord(layout, uuid), uuid, zpool), cloneNames, clones: cloneNames.length };
    });
}

/** `imgadm get [-r]`: the image installed as <zpool>/<uuid>, or undefined. */
export function getInstalledImage(
  layout: SimLayout,
  zpool: string,
  uuid: string,
  children = false,
): ImageInfo | undefined {
  const z = readZfsIfAny(layout);
  const record = readImageRecord(layout, uuid);
  if (z === undefined) {
    if (record === undefined || record.zpool !== zpool) return undefined;
    const info = infoOf(record, uuid, zpool);
    if (children) info.children = { snapshots: [], clones: [] };
    return info;
  }
  const name = `${zpool}/${uuid}`;
  if (getDataset(z, name) === undefined) return undefined;
  const info = infoOf(record, uuid, zpool);
  if (children) {
    const below = [...descendants(z, name), ...listSnapshots(z, name)].sort(compareDatasets);
    info.children = { snapshots: below.map((d) => d.name), clones: dependentClones(z, name) };
  }
  return info;
}
