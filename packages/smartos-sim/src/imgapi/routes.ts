// IMGAPI's read-only endpoints (sdc-imgapi lib/images.js, lib/app.js), as a public image
// server answers them: GET /ping, GET /images [?name=&os=&type=&state=&public=],
// GET /images/:uuid, GET /images/:uuid/file (Content-Length, Content-MD5, Etag = sha1,
// single byte ranges). Errors are restify's JSON bodies: {"code": ..., "message": ...}.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';

import { jsString, type JsonObject } from '../state/json.js';
import type { ServedImage } from './servedCatalog.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const IMGAPI_VERSION = '4.13.1';

export interface RouteOptions {
  images: readonly ServedImage[];
  /** serve each file with one byte flipped (its sha1 no longer matches the manifest's) */
  corruptFiles: boolean;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    Server: 'IMGAPI/' + IMGAPI_VERSION,
  });
  res.end(text);
}

function notFound(res: ServerResponse, message: string): void {
  sendJson(res, 404, { code: 'ResourceNotFound', message });
}

function matches(manifest: JsonObject, query: URLSearchParams): boolean {
  const state = query.get('state') ?? 'active';
  if (state !== 'all' && manifest.state !== state) return false;
  for (const field of ['name', 'os', 'type', 'version', 'owner']) {
    const want = query.get(field);
    if (want === null) continue;
    const have = jsString(manifest[field]);
    if (want.startsWith('~') ? !have.includes(want.slice(1)) : have !== want) return false;
  }
  const pub = query.get('public');
  if (pub !== null && jsString(manifest.public) !== pub) return false;
  return true;
}

function listImages(res: ServerResponse, images: readonly ServedImage[], query: URLSearchParams): void {
  const list = images
    .map((i) => i.manifest)
    .filter((m) => matches(m, query))
    .sort((a, b) => jsString(a.published_at).localeCompare(jsString(b.published_at)));
  sendJson(res, 200, list);
}

/** Flips one byte in the middle of the stream: a transfer the checksum must catch. */
function corrupter(size: number, start: number): Transform {
  const at = Math.floor(size / 2);
  let pos = start;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (at >= pos && at < pos + chunk.length) {
        const copy = Buffer.from(chunk);
        copy[at - pos] = (copy[at - pos] ?? 0) ^ 0xff;
        chunk = copy;
      }
      pos += chunk.length;
      done(null, chunk);
    },
  });
}

function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'bad' | undefined {
  if (header === undefined) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'bad';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(size - 1, Number(m[2]));
  }
  return start > end || start >= size ? 'bad' : { start, end };
}

function sendFile(req: IncomingMessage, res: ServerResponse, image: ServedImage, corrupt: boolean): void {
  const { file } = image;
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/octet-stream',
    'Content-MD5': file.md5,
    Etag: file.sha1,
    'Accept-Ranges': 'bytes',
    Server: 'IMGAPI/' + IMGAPI_VERSION,
  };
  const range = parseRange(req.headers.range, file.size);
  if (range === 'bad') {
    res.writeHead(416, { 'Content-Range': `bytes */${file.size}` });
    res.end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? file.size - 1;
  headers['Content-Length'] = end - start + 1;
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`;
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file.path, { start, end });
  stream.on('error', () => res.destroy());
  if (corrupt) stream.pipe(corrupter(file.size, start)).pipe(res);
  else stream.pipe(res);
}

export function handleRequest(req: IncomingMessage, res: ServerResponse, opts: RouteOptions): void {
  const url = new URL(req.url ?? '/', 'http://imgapi.invalid');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { code: 'MethodNotAllowed', message: `${req.method ?? ''} is not allowed` });
    return;
  }
  if (path === '/ping') {
    sendJson(res, 200, { ping: 'pong', version: IMGAPI_VERSION, imgapi: true });
    return;
  }
  if (path === '/images') {
    listImages(res, opts.images, url.searchParams);
    return;
  }
  const m = /^\/images\/([^/]+)(\/file)?$/.exec(path);
  if (!m) {
    notFound(res, `${url.pathname} does not exist`);
    return;
  }
  const uuid = decodeURIComponent(m[1] ?? '');
  if (!UUID_RE.test(uuid)) {
    notFound(res, `${req.url ?? ''} does not exist`);
    return;
  }
  const image = opts.images.find((i) => i.manifest.uuid === uuid);
  if (image === undefined) {
    notFound(res, `image ${uuid} not found`);
    return;
  }
  if (m[2] === undefined) sendJson(res, 200, image.manifest);
  else sendFile(req, res, image, opts.corruptFiles);
}
