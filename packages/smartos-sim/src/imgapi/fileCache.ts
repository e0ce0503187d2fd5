// Generated image files on disk, shared by every server of this machine: the content only
// depends on (uuid, target size, generator version), so one copy serves every host and a
// restarted server does not generate again. Written atomically (temp + rename).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { writeFileAtomic } from '../state/atomicWrite.js';
import { generateImageFile } from './imageFile.js';

const GENERATOR_VERSION = 1;

export interface CachedFile {
  path: string;
  sha1: string;
  md5: string;
  size: number;
}

export function defaultCacheDir(): string {
  return join(tmpdir(), `smartos-sim-imgapi-files-v${GENERATOR_VERSION}`);
}

function isMeta(value: unknown): value is Omit<CachedFile, 'path'> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.sha1 === 'string' && typeof v.md5 === 'string' && typeof v.size === 'number';
}

/** The file of image `uuid` at `targetBytes`, generated on first use. */
export function cachedImageFile(cacheDir: string, uuid: string, targetBytes: number): CachedFile {
  const base = join(cacheDir, `${uuid}-${targetBytes}`);
  const path = `${base}.gz`;
  const metaPath = `${base}.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    const meta: unknown = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (isMeta(meta)) return { path, sha1: meta.sha1, md5: meta.md5, size: meta.size };
  }
  mkdirSync(cacheDir, { recursive: true });
  const file = generateImageFile(uuid, targetBytes);
  writeFileAtomic(path, file.bytes);
  writeFileAtomic(metaPath, `${JSON.stringify({ sha1: file.sha1, md5: file.md5, size: file.size })}\n`);
  return { path, sha1: file.sha1, md5: file.md5, size: file.size };
}
