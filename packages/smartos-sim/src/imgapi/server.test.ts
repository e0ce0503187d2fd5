// The image server as an IMGAPI client sees it: ping, list filters, manifests, 404 bodies, and
// files whose length, Content-MD5 and sha1 are exactly what the manifests say.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startImageServer, type ImageServer } from './server.js';

let server: ImageServer;
beforeAll(async () => {
  server = await startImageServer({ fileMiB: 0.5 });
});
afterAll(() => server.close());

const BASE = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';

async function json(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: await res.json() };
}

describe('image server', () => {
  it('binds loopback and answers /ping as IMGAPI', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await json('/ping')).toMatchObject({ status: 200, body: { ping: 'pong', imgapi: true } });
  });

  it('GET /images: the catalog by published_at, filtered by name, os, type', async () => {
    const all = (await json('/images')).body as { name: string; published_at: string }[];
    expect(all.map((m) => m.name)).toEqual([
      'ubuntu-16.04',
      'ubuntu-certified-18.04',
      'base-64-lts',
      'minimal-64-trunk',
      'base-64-lts',
      'debian-12',
    ]);
    const names = async (q: string): Promise<string[]> =>
      ((await json(`/images?${q}`)).body as { name: string; version: string }[]).map(
        (m) => `${m.name}@${m.version}`,
      );
    expect(await names('name=base-64-lts')).toEqual(['base-64-lts@18.4.0', 'base-64-lts@23.4.0']);
    expect(await names('os=linux&type=lx-dataset')).toEqual(['ubuntu-16.04@20170403', 'debian-12@20240105']);
    expect(await names('type=zvol')).toEqual(['ubuntu-certified-18.04@20180808']);
    expect(await names('name=~ubuntu')).toEqual(['ubuntu-16.04@20170403', 'ubuntu-certified-18.04@20180808']);
  });

  it('GET /images/:uuid: the manifest, files described; unknown -> ResourceNotFound', async () => {
    const { body } = await json(`/images/${BASE}`);
    const m = body as Record<string, unknown>;
    expect(Object.keys(m).slice(0, 12)).toEqual([
      'v',
      'uuid',
      'owner',
      'name',
      'version',
      'state',
      'disabled',
      'public',
      'published_at',
      'type',
      'os',
      'files',
    ]);
    const files = m.files as { sha1: string; size: number; compression: string }[];
    expect(files).toHaveLength(1);
    expect(files[0]?.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(files[0]?.size).toBeGreaterThan(0);
    expect(files[0]?.compression).toBe('gzip');
    expect(await json('/images/8adac45a-a6b3-11e9-9c5d-b7f1a4b3fb58')).toEqual({
      status: 404,
      body: { code: 'ResourceNotFound', message: 'image 8adac45a-a6b3-11e9-9c5d-b7f1a4b3fb58 not found' },
    });
    expect(await json('/images/nope')).toEqual({
      status: 404,
      body: { code: 'ResourceNotFound', message: '/images/nope does not exist' },
    });
  });

  it('GET /images/:uuid/file: the bytes, Content-Length, Content-MD5, a gzip stream; ranges', async () => {
    const m = (await json(`/images/${BASE}`)).body as { files: { sha1: string; size: number }[] };
    const file = m.files[0];
    const res = await fetch(`${server.url}/images/${BASE}/file`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(file?.size);
    expect(bytes.length).toBe(file?.size);
    expect(createHash('sha1').update(bytes).digest('hex')).toBe(file?.sha1);
    expect(res.headers.get('content-md5')).toBe(createHash('md5').update(bytes).digest('base64'));
    const raw = gunzipSync(bytes);
    expect(raw.length / bytes.length).toBeGreaterThan(2);

    const part = await fetch(`${server.url}/images/${BASE}/file`, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${file?.size ?? 0}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(10, 20));
  });

  it('is deterministic: another server serves the same sha1s', async () => {
    const other = await startImageServer({ fileMiB: 0.5 });
    try {
      const a = (await json(`/images/${BASE}`)).body as { files: unknown };
      const b = (await (await fetch(`${other.url}/images/${BASE}`)).json()) as { files: unknown };
      expect(b.files).toEqual(a.files);
    } finally {
      await other.close();
    }
  });
});
