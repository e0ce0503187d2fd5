// What the image server serves: each catalog manifest with the `files` entry of its generated
// file, in IMGAPI's key order (files after os, as images.smartos.org returns them).
import { jsString, type JsonObject } from '../state/json.js';
import { catalog } from './catalog.js';
import { cachedImageFile, type CachedFile } from './fileCache.js';
import { targetFileBytes } from './imageFile.js';

export interface ServedImage {
  manifest: JsonObject;
  file: CachedFile;
}

function withFiles(manifest: JsonObject, file: CachedFile): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(manifest)) {
    out[key] = structuredClone(value);
    if (key === 'os') out.files = [{ sha1: file.sha1, size: file.size, compression: 'gzip' }];
  }
  return out;
}

export function servedCatalog(opts: { fileMiB: number; cacheDir: string }): ServedImage[] {
  return catalog.map(({ manifest, realFileSize }) => {
    const file = cachedImageFile(
      opts.cacheDir,
      jsString(manifest.uuid),
      targetFileBytes(realFileSize, opts.fileMiB),
    );
    return { manifest: withFiles(manifest, file), file };
  });
}
