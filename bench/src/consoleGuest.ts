/**
 * The benchmark's guest: a unix socket server standing where a VM's VNC socket is
 * (`<zonepath>/root/tmp/vm.vnc`), so the relay, websockify and a direct connection all reach
 * the same endpoint. The first byte a client sends picks what the connection does:
 *
 * - `C` commands, each a 5-byte header `op u32be`:
 *   `D n` sends n bytes; `U n` reads n bytes, then answers `k`; `P n` echoes the next n bytes.
 * - `S` stall source: writes as fast as the socket accepts, counting the bytes accepted.
 * - `R` an RFB 3.8 server (security None) with a 1280x800 32-bit raw framebuffer: each
 *   FramebufferUpdateRequest is answered with the whole frame as one Raw rectangle.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';

export const FB_WIDTH = 1280;
export const FB_HEIGHT = 800;
/** FramebufferUpdate header (4) + one rectangle header (12) + the raw pixels. */
export const FRAME_BYTES = 4 + 12 + FB_WIDTH * FB_HEIGHT * 4;

const SLICE = 256 << 10;
const payload = Buffer.alloc(4 << 20, 'console-bench-payload\n');

export interface BenchGuest {
  /** Bytes the current stall connection has had accepted by its socket (flushed to the kernel). */
  stallAccepted(): Promise<number>;
  close(): Promise<void>;
}

async function writeAll(socket: Socket, total: number): Promise<void> {
  let left = total;
  while (left > 0 && !socket.destroyed) {
    const n = Math.min(left, SLICE);
    left -= n;
    if (!socket.write(payload.subarray(0, n)))
      await new Promise<void>((resolve) => {
        const done = () => {
          socket.off('drain', done);
          socket.off('close', done);
          resolve();
        };
        socket.on('drain', done);
        socket.on('close', done);
      });
  }
}

function serveCommands(socket: Socket, first: Buffer): void {
  let buffered = first;
  let reading: { op: 'U' | 'P'; left: number } | null = null;
  const step = () => {
    for (;;) {
      if (reading) {
        if (buffered.length === 0) return;
        const n = Math.min(reading.left, buffered.length);
        if (reading.op === 'P') socket.write(buffered.subarray(0, n));
        buffered = buffered.subarray(n);
        reading.left -= n;
        if (reading.left === 0) {
          if (reading.op === 'U') socket.write('k');
          reading = null;
        }
        continue;
      }
      if (buffered.length < 5) return;
      const op = String.fromCharCode(buffered[0] ?? 0);
      const n = buffered.readUInt32BE(1);
      buffered = buffered.subarray(5);
      if (op === 'D') void writeAll(socket, n);
      else if (op === 'U' || op === 'P') reading = { op, left: n };
      else socket.destroy(new Error(`unknown op ${op}`));
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    step();
  });
  step();
}

function serveStall(socket: Socket, counter: { accepted: number }): void {
  counter.accepted = 0;
  const pump = () => {
    while (!socket.destroyed) {
      const ok = socket.write(payload.subarray(0, 64 << 10), (err) => {
        if (!err) counter.accepted += 64 << 10;
      });
      if (!ok) {
        socket.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

/** Minimal RFB 3.8 server: version, security None, ServerInit, then raw full frames on request. */
function serveRfb(socket: Socket, first: Buffer): void {
  const frame = Buffer.alloc(FRAME_BYTES, 0x5a);
  frame.writeUInt8(0, 0); // FramebufferUpdate
  frame.writeUInt16BE(1, 2); // one rectangle
  frame.writeUInt16BE(0, 4);
  frame.writeUInt16BE(0, 6);
  frame.writeUInt16BE(FB_WIDTH, 8);
  frame.writeUInt16BE(FB_HEIGHT, 10);
  frame.writeInt32BE(0, 12); // Raw
  const serverInit = Buffer.alloc(24 + 5);
  serverInit.writeUInt16BE(FB_WIDTH, 0);
  serverInit.writeUInt16BE(FB_HEIGHT, 2);
  Buffer.from([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0]).copy(serverInit, 4);
  serverInit.writeUInt32BE(5, 20);
  serverInit.write('bench', 24, 'latin1');

  // Client messages in order: version (12), security type (1), ClientInit (1), then requests (10 each).
  const expected = [12, 1, 1];
  let buffered = first;
  socket.write('RFB 003.008\n');
  const step = () => {
    for (;;) {
      const need = expected[0] ?? 10;
      if (buffered.length < need) return;
      buffered = buffered.subarray(need);
      const stage = expected.shift();
      if (stage === 12)
        socket.write(Buffer.from([1, 1])); // one security type: None
      else if (stage === 1 && expected.length === 1)
        socket.write(Buffer.alloc(4)); // SecurityResult OK
      else if (stage === 1) socket.write(serverInit);
      else socket.write(frame);
    }
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    step();
  });
  step();
}

/** The guest in this process (see startGuestProcess for the benchmark's own process). */
export async function startBenchGuest(socketPath: string): Promise<BenchGuest> {
  mkdirSync(dirname(socketPath), { recursive: true });
  rmSync(socketPath, { force: true });
  const stall = { accepted: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      const mode = String.fromCharCode(chunk[0] ?? 0);
      const rest = chunk.subarray(1);
      if (mode === 'C') serveCommands(socket, rest);
      else if (mode === 'S') serveStall(socket, stall);
      else if (mode === 'R') serveRfb(socket, rest);
      else socket.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  return {
    stallAccepted: () => Promise.resolve(stall.accepted),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(socketPath, { force: true });
    },
  };
}
