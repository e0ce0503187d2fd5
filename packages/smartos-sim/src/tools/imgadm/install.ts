// Installing a downloaded image (imgadm.js _installZfsImage): decompress the file into the
// pool as `zfs receive` would - a filesystem <pool>/<uuid> for zone-dataset / lx-dataset
// images, a volume of image_size MiB for zvol images - holding the real stream's bytes
// (receivedSize.ts: the download is scaled down, the pool is not) as data with
// per-image dedup keys (the seeded images' scheme: clones and re-imports share blocks), then
// snapshot @final and record the manifest in imgadm's database (state/imageStore.ts).
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import { writeImage } from '../../state/imageStore.js';
import { isJsonObject, jsString, type JsonObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import {
  createFilesystem,
  createZvol,
  MiB,
  readZfs,
  snapshot,
  writeData,
  writeZfs,
  zfsFile,
} from '../../state/zfsStore.js';
import { simDelay } from '../vmadm/timing.js';
import { ImgadmError } from './errors.js';
import { receivedSize } from './receivedSize.js';

/** Real-host milliseconds `zfs receive` and the database update take (scaled by the speed). */
const RECEIVE_MS = 800;
const CHUNKS = 8;

async function streamBytes(path: string, compression: string): Promise<number> {
  let total = 0;
  const counter = new Writable({
    write(chunk: Buffer, _enc, done) {
      total += chunk.length;
      done();
    },
  });
  try {
    if (compression === 'gzip') await pipeline(createReadStream(path), createGunzip(), counter);
    else await pipeline(createReadStream(path), counter);
  } catch (err) {
    throw new ImgadmError(
      'UncompressionError',
      `error uncompressing image file "${path}": ${(err as Error).message}`,
    );
  }
  return total;
}

export interface InstallOptions {
  layout: SimLayout;
  env: NodeJS.ProcessEnv;
  manifest: JsonObject;
  zpool: string;
  source: string;
  filePath: string;
}

export async function installImage(opts: InstallOptions): Promise<void> {
  const { layout, manifest, zpool } = opts;
  const uuid = jsString(manifest.uuid);
  const files = Array.isArray(manifest.files) ? manifest.files : [];
  const first = files[0];
  const compression =
    isJsonObject(first) && typeof first.compression === 'string' ? first.compression : 'none';
  const logical = await streamBytes(opts.filePath, compression);
  await simDelay(opts.env, RECEIVE_MS);
  await withLock(layout.lockFile, () => {
    if (existsSync(zfsFile(layout))) {
      const z = readZfs(layout);
      const name = `${zpool}/${uuid}`;
      if (manifest.type === 'zvol') {
        const volsize = Number(manifest.image_size ?? 10240) * MiB;
        createZvol(z, name, volsize, {}, { sparse: true });
      } else {
        createFilesystem(z, name);
      }
      const received = receivedSize(layout, z, zpool, manifest, logical);
      for (let i = 0; i < CHUNKS; i += 1)
        writeData(z, name, received.logical / CHUNKS, {
          dedupKey: `image:${uuid}:${i}`,
          compressibility: received.compressibility,
        });
      snapshot(z, `${name}@final`);
      writeZfs(layout, z);
    }
    writeImage(layout, manifest, { zpool, source: opts.source });
  });
  rmSync(opts.filePath, { force: true });
}
