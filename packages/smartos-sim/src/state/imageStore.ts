// The images installed on the simulated host: one imgadm manifest (REFERENCE 2.5) per file,
//
//   <root>/images/<uuid>.json
//
// The future imgadm keeps these (import writes, delete removes); vmadm only reads them, to
// check a payload's image_uuid the way VM.js does with `imgadm get -P <pool> <uuid>`.
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

/** The manifest of an installed image, or undefined when it is not installed. */
export function readImage(layout: SimLayout, uuid: string): JsonObject | undefined {
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
  return value;
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

/** Installs (or replaces) a manifest. Callers doing read-modify-write hold the state lock. */
export function writeImage(layout: SimLayout, manifest: JsonObject): void {
  const uuid = manifest.uuid;
  if (typeof uuid !== 'string') throw new Error('image manifest without a uuid');
  mkdirSync(imagesDir(layout), { recursive: true });
  writeJsonAtomic(imageFile(layout, uuid), manifest);
}

export function deleteImage(layout: SimLayout, uuid: string): void {
  rmSync(imageFile(layout, uuid), { force: true });
}
