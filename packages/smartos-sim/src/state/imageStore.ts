// The images installed on the simulated host, one record per file as imgadm's database keeps
// them (/var/imgadm/images/<zpool>-<uuid>.json on SmartOS):
//
//   <root>/images/<uuid>.json     { "manifest": {...}, "zpool": "zones", "source": "<url>" }
//
// imgadm keeps these (import writes, delete removes); vmadm only reads them, to check a
// payload's image_uuid the way VM.js does with `imgadm get -P <pool> <uuid>`. A file holding a
// bare manifest (older state directories) reads as installed on "zones" with no source.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { writeJsonAtomic } from './atomicWrite.js';
import { isJsonObject, type JsonObject } from './json.js';
import type { SimLayout } from './layout.js';

const UUID_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

export function imagesDir(layout: SimLayout): string {
  return join(layout.root, 'images');
}

function imageFile(layout: SimLayout, uuid: string): string {
  return join(imagesDir(layout), `${uuid}.json`);
}

/** imgadm's record of an installed image. */
export interface ImageRecord {
  manifest: JsonObject;
  zpool: string;
  /** the source URL it was imported from, if known */
  source?: string;
}

/** The manifest of an installed image, or undefined when it is not installed. */
export function readImage(layout: SimLayout, uuid: string): JsonObject | undefined {
  return readImageRecord(layout, uuid)?.manifest;
}

/** The whole record of an installed image, or undefined when it is not installed. */
export function readImageRecord(layout: SimLayout, uuid: string): ImageRecord | undefined {
  let text: string;
  try {
    text = readFileSync(imageFile(layout, uuid), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
  const value: unknown = JSON.parse(text);
  if (!isJsonObject(value)) throw new Error(`${imageFile(layout, uuid)}: not an image manifest`);
  const manifest = value.manifest;
  if (!isJsonObject(manifest)) return { manifest: value, zpool: 'zones' };
  const record: ImageRecord = { manifest, zpool: typeof value.zpool === 'string' ? value.zpool : 'zones' };
  if (typeof value.source === 'string') record.source = value.source;
  return record;
}

/** Every installed image's manifest, in uuid order. */
export function listImages(layout: SimLayout): JsonObject[] {
  let names: string[];
  try {
    names = readdirSync(imagesDir(layout));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: JsonObject[] = [];
  for (const name of names.filter((n) => UUID_FILE.test(n)).sort()) {
    const manifest = readImage(layout, name.slice(0, -'.json'.length));
    if (manifest) out.push(manifest);
  }
  return out;
}

/**
 * Installs (or replaces) an image's record: its manifest, pool and source (key order as
 * imgadm's database writes it). Callers doing read-modify-write hold the state lock.
 */
export function writeImage(
  layout: SimLayout,
  manifest: JsonObject,
  where: { zpool?: string; source?: string } = {},
): void {
  const uuid = manifest.uuid;
  if (typeof uuid !== 'string') throw new Error('image manifest without a uuid');
  mkdirSync(imagesDir(layout), { recursive: true });
  const record: JsonObject = { manifest, zpool: where.zpool ?? 'zones' };
  if (where.source !== undefined) record.source = where.source;
  writeJsonAtomic(imageFile(layout, uuid), record);
}

export function deleteImage(layout: SimLayout, uuid: string): void {
  rmSync(imageFile(layout, uuid), { force: true });
}
