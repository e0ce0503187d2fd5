import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createLocalTransport, type Transport } from '@zonedeck/smartos';

import { ReadBuffers, type Release } from './readBuffers.js';

/** 4 MiB whose every byte depends on its offset, so a reused buffer overwritten too early shows. */
const PATTERN = Buffer.alloc(4 << 20);
for (let i = 0; i < PATTERN.length; i += 4) PATTERN.writeUInt32LE((i * 2654435761) >>> 0, i);

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A unix socket that writes `data` to whoever connects, then closes. */
async function serving(data: Buffer): Promise<{ transport: Transport; socketPath: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zd-reads-'));
  const socketPath = path.join(dir, 'guest.sock');
  const server: Server = createServer((s) => s.end(data));
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  const transport = createLocalTransport();
  cleanups.push(
    () => new Promise<void>((resolve) => server.close(() => resolve())),
    () => transport.close(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  return { transport, socketPath };
}

/** Reads the whole stream through `buffers`, giving each chunk and its release to `take`. */
async function readAll(
  buffers: ReadBuffers,
  data: Buffer,
  take: (chunk: Buffer, release: Release) => void,
): Promise<void> {
  const { transport, socketPath } = await serving(data);
  const socket = await transport.connectSocket(
    socketPath,
    buffers.reader((chunk, release) => {
      take(chunk, release);
      return true;
    }),
  );
  await new Promise((resolve) => socket.once('close', resolve));
}

describe('ReadBuffers over a real unix socket (local transport, onread)', () => {
  it('never reuses a buffer whose read is still pinned: every byte arrives intact', async () => {
    const buffers = new ReadBuffers(64 << 10, 2);
    const pinned: Release[] = [];
    const views: Buffer[] = [];
    await readAll(buffers, PATTERN, (chunk, release) => {
      views.push(chunk);
      pinned.push(release);
    });
    // Read after every read has happened: a buffer reused while pinned would show here.
    expect(Buffer.concat(views).equals(PATTERN)).toBe(true);
    expect(buffers.pinned).toBeGreaterThan(1);
    expect(buffers.allocated).toBeGreaterThan(buffers.pinned);
    for (const release of pinned) release();
    expect(buffers.pinned).toBe(0);
    // idle buffers are capped, whatever was pinned at once
    expect(buffers.idle).toBeLessThanOrEqual(2);
  });

  it('reuses buffers that are released at once, and copies small reads out', async () => {
    const buffers = new ReadBuffers(64 << 10, 2);
    const copies: Buffer[] = [];
    await readAll(buffers, PATTERN, (chunk, release) => {
      copies.push(Buffer.from(chunk));
      release();
    });
    expect(Buffer.concat(copies).equals(PATTERN)).toBe(true);
    expect(buffers.pinned).toBe(0);
    // 4 MiB in 64 KiB reads, each buffer back before the next read: the same one or two
    expect(buffers.allocated).toBeLessThanOrEqual(2);
    const allocated = buffers.allocated;

    const small = Buffer.from('RFB 003.008\n');
    const got: Buffer[] = [];
    const { transport, socketPath } = await serving(small);
    const socket = await transport.connectSocket(
      socketPath,
      buffers.reader((chunk) => {
        got.push(chunk);
        return true;
      }),
    );
    await new Promise((resolve) => socket.once('close', resolve));
    expect(Buffer.concat(got).toString()).toBe('RFB 003.008\n');
    // a small read is a copy of its own, not a view that pins a pooled buffer
    expect(got.every((c) => c.buffer.byteLength < 64 << 10)).toBe(true);
    expect(buffers.pinned).toBe(0);
    expect(buffers.allocated - allocated).toBeLessThanOrEqual(1);
  });

  it('passes chunks that are not its own (an SSH channel) with a release that does nothing', () => {
    const buffers = new ReadBuffers(64 << 10, 2);
    const seen: Buffer[] = [];
    const reader = buffers.reader((chunk, release) => {
      seen.push(chunk);
      release();
      return true;
    });
    const own = Buffer.from('from the channel');
    expect(reader.onRead(own)).toBe(true);
    expect(seen[0]).toBe(own);
    expect(buffers.idle).toBe(0);
  });
});
