// Downloading an image file (imgadm.js _downloadImageFile): GET /images/<uuid>/file from the
// source into /var/tmp/.imgadm-downloads/<uuid>.file.partial (here under the state directory),
// checking Content-Length against the manifest's size, then the byte count and the sha1 (or,
// without one, Content-MD5); renamed to <uuid>.file when good, removed when not.
// The simulated link runs at LINK_BYTES_PER_SEC x SMARTOS_SIM_SPEED, or SMARTOS_SIM_LINK_KIBPS
// when set (the reader paces itself,
// so TCP back-pressure slows the server as a real network would) - a few MiB take seconds at
// speed 1, and the partial file grows where `ls -l` / `stat` can watch it.
import { createHash, type Hash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';

import type { SimLayout } from '../../state/layout.js';
import { simSpeed } from '../vmadm/timing.js';
import { downloadError, multiError, type ImgadmError } from './errors.js';
import { failureOf, request } from './imgapiClient.js';

/** Bytes per second of the simulated link at SMARTOS_SIM_SPEED=1. */
export const LINK_BYTES_PER_SEC = 2 * 1024 * 1024;
/** KiB/s of the link in real time, whatever the speed: a slow link on a fast host. */
export const LINK_KIBPS_ENV = 'SMARTOS_SIM_LINK_KIBPS';

/** The link's bytes per second: SMARTOS_SIM_LINK_KIBPS when set, else 2 MiB/s x the speed. */
export function linkRate(env: NodeJS.ProcessEnv): number {
  const kibps = Number(env[LINK_KIBPS_ENV]);
  if (Number.isFinite(kibps) && kibps > 0) return kibps * 1024;
  return LINK_BYTES_PER_SEC * simSpeed(env);
}

export function downloadDir(layout: SimLayout): string {
  return join(layout.root, 'var', 'tmp', '.imgadm-downloads');
}

export function downloadFile(layout: SimLayout, uuid: string): string {
  return join(downloadDir(layout), `${uuid}.file`);
}

export interface DownloadOptions {
  layout: SimLayout;
  env: NodeJS.ProcessEnv;
  source: string;
  uuid: string;
  /** the manifest's files[0].size */
  size?: number;
  /** the manifest's files[0].sha1 */
  sha1?: string;
  /** each chunk as it arrives (the progress bar) */
  onData?: (bytes: number) => void;
}

async function sha1Of(path: string): Promise<string> {
  const hash = createHash('sha1');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** A complete earlier download of the right size and checksum is used as is. */
async function preDownloaded(path: string, opts: DownloadOptions): Promise<boolean> {
  if (!existsSync(path)) return false;
  if (opts.size !== undefined && statSync(path).size !== opts.size) {
    rmSync(path, { force: true });
    return false;
  }
  if (opts.sha1 === undefined) return false;
  if ((await sha1Of(path)) === opts.sha1) return true;
  rmSync(path, { force: true });
  return false;
}

export async function downloadImageFile(opts: DownloadOptions): Promise<{ path: string; size: number }> {
  const { uuid } = opts;
  const path = downloadFile(opts.layout, uuid);
  if (await preDownloaded(path, opts)) return { path, size: opts.size ?? statSync(path).size };

  const res = await request(opts.source, `images/${uuid}/file`);
  if (res.statusCode !== 200) throw await failureOf(res);
  const header = res.headers['content-length'];
  const cLen = Number(header);
  if (header === undefined || Number.isNaN(cLen))
    throw downloadError(`unexpected missing or invalid Content-Length header: ${header ?? 'undefined'}`);
  if (opts.size !== undefined && opts.size !== cLen)
    throw downloadError(
      `unexpected mismatch between expected size, ${opts.size}, and Content-Length header, ${cLen}`,
    );

  const sha1: Hash | undefined = opts.sha1 !== undefined ? createHash('sha1') : undefined;
  const contentMd5 = res.headers['content-md5'];
  const md5 = sha1 === undefined && typeof contentMd5 === 'string' ? createHash('md5') : undefined;
  const rate = linkRate(opts.env);
  const started = Date.now();
  let received = 0;

  mkdirSync(downloadDir(opts.layout), { recursive: true });
  const partial = `${path}.partial`;
  try {
    const out = createWriteStream(partial);
    await pipeline(
      res,
      async function* pace(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          received += chunk.length;
          sha1?.update(chunk);
          md5?.update(chunk);
          opts.onData?.(chunk.length);
          yield chunk;
          const ahead = (received / rate) * 1000 - (Date.now() - started);
          if (ahead > 5) await sleep(ahead);
        }
      },
      out,
    );
    const errs: ImgadmError[] = [];
    if (received !== cLen)
      errs.push(
        downloadError(`image ${uuid} file size error: expected ${cLen} bytes, downloaded ${received} bytes`),
      );
    if (sha1 !== undefined && opts.sha1 !== undefined) {
      const actual = sha1.digest('hex');
      if (actual !== opts.sha1)
        errs.push(
          downloadError(
            `image ${uuid} file checksum (sha1) error: expected "${opts.sha1}", downloaded checksum was "${actual}"`,
          ),
        );
    }
    if (md5 !== undefined && typeof contentMd5 === 'string') {
      const actual = md5.digest('base64');
      if (actual !== contentMd5)
        errs.push(
          downloadError(
            `image ${uuid} file Content-MD5 error: expected "${contentMd5}", downloaded checksum was "${actual}"`,
          ),
        );
    }
    if (errs.length > 0) throw multiError(errs);
    renameSync(partial, path);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { path, size: received };
}
