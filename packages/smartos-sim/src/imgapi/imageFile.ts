// The file of a catalog image: deterministic content (an AES-CTR keystream keyed by the image
// uuid, shaped to compress about 2.5:1 like a real dataset stream), gzip-compressed, so the
// manifest's `compression: "gzip"` is true and `size` / `sha1` describe exactly what is served.
import { createCipheriv, createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { MiB } from '../state/zfsStore.js';

export interface ImageFile {
  bytes: Buffer;
  /** hex sha1 of `bytes` (the manifest's files[0].sha1) */
  sha1: string;
  /** base64 md5 of `bytes` (the Content-MD5 header IMGAPI sends) */
  md5: string;
  size: number;
}

/** Default MiB of a generated file for a ~150 MB real image (SMARTOS_SIM_IMAGE_MIB). */
export const DEFAULT_FILE_MIB = 4;

/** The generated file's target size: `fileMiB` scaled by the real file's size (x0.25 .. x2). */
export function targetFileBytes(realFileSize: number, fileMiB: number): number {
  const scale = Math.min(2, Math.max(0.25, realFileSize / 150e6));
  return Math.max(64 * 1024, Math.round(fileMiB * MiB * scale));
}

/** Deterministic pseudo-random bytes for `seed` (AES-128-CTR over zeros). */
function keystream(seed: string, length: number): Buffer {
  const key = createHash('sha256').update(`smartos-sim image ${seed}`).digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  return Buffer.concat([cipher.update(Buffer.alloc(length)), cipher.final()]);
}

const BLOCK = 4096;
const SEGMENT = 64;
/** Text the compressible blocks are cut from: file names, as a dataset stream is full of. */
const DICT = Buffer.from(
  Array.from({ length: 96 }, (_, i) => `/usr/lib/svc/manifest/${(i * 7919).toString(36)}.xml `).join(''),
);

/**
 * Uncompressed content: about 3 blocks in 10 incompressible, the rest 64-byte runs cut from
 * DICT at keystream-chosen offsets (what LZ77 finds again): gzip gets about 2.5:1.
 */
function content(seed: string, length: number): Buffer {
  const buf = keystream(seed, length);
  const maxOffset = DICT.length - SEGMENT;
  for (let off = 0; off < length; off += BLOCK) {
    if ((buf[off] ?? 0) < 77) continue;
    const end = Math.min(length, off + BLOCK);
    for (let seg = off; seg < end; seg += SEGMENT) {
      const at = (((buf[seg] ?? 0) << 8) | (buf[seg + 1] ?? 0)) % maxOffset;
      DICT.copy(buf, seg, at, at + Math.min(SEGMENT, end - seg));
    }
  }
  return buf;
}

/** The gzip file served for image `uuid`, about `targetBytes` long. */
export function generateImageFile(uuid: string, targetBytes: number): ImageFile {
  const bytes = gzipSync(content(uuid, Math.round(targetBytes * 2.5)), { level: 1 });
  return {
    bytes,
    sha1: createHash('sha1').update(bytes).digest('hex'),
    md5: createHash('md5').update(bytes).digest('base64'),
    size: bytes.length,
  };
}
