import type { Duplex } from 'node:stream';

import type { ConsoleKind } from '@zonedeck/api/schemas';
import type { ConsoleEndpoints, PtySession, Transport } from '@zonedeck/smartos';

import { NO_RELEASE, type ReadBuffers, type Release } from './readBuffers.js';

/** How a source ended: the reason the user reads and the WebSocket close code (1000 / 1011). */
export interface SourceEnd {
  reason: string;
  code: 1000 | 1011;
}

/**
 * One console stream on the host, as the relay sees it: bytes out (`onData`), bytes in
 * (`write`), flow control (`pause`/`resume`) and an end with a reason.
 */
export interface ConsoleSource {
  /** Output; `release` gives the chunk's memory back once it has been sent or dropped. */
  onData(listener: (chunk: Buffer, release: Release) => void): void;
  /** Called once, when the source ends by itself (not after `close()`). */
  onEnd(listener: (end: SourceEnd) => void): void;
  /** Writes input; false when the source is full: stop reading the client until `onDrain`. */
  write(chunk: Buffer): boolean;
  onDrain(listener: () => void): void;
  resize(cols: number, rows: number): void;
  pause(): void;
  resume(): void;
  /** Ends the stream (the client went away): closes the socket, kills the PTY's command. */
  close(): void;
}

export interface OpenRequest {
  transport: Transport;
  /** The relay's read buffers, for sources that read sockets. */
  buffers: ReadBuffers;
  endpoints: ConsoleEndpoints;
  cols: number;
  rows: number;
}

/**
 * One kind of console (cockpit's channel types): how to open its source on the host, and
 * which flow control its stream uses — `ack` (terminals, docs/consoleProtocol.md#flow-control)
 * or `buffered` (VNC: the WebSocket's send buffer).
 */
export interface ConsoleAdapter {
  kind: ConsoleKind;
  flow: 'ack' | 'buffered';
  open(request: OpenRequest): Promise<ConsoleSource>;
}

function once<T>(): { emit(value: T): void; on(listener: (value: T) => void): void } {
  let listener: ((value: T) => void) | null = null;
  let fired: { value: T } | null = null;
  return {
    emit(value) {
      if (fired) return;
      fired = { value };
      listener?.(value);
    },
    on(l) {
      listener = l;
      if (fired) l(fired.value);
    },
  };
}

const GONE = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ENOENT']);

/**
 * Input a guest's socket may hold before the relay stops reading the client. The socket's own
 * high-water mark (16 KiB) is below one WebSocket message, so pausing at it would stop and
 * restart the client's stream for nearly every message.
 */
export const SOCKET_INPUT_WINDOW = 1 << 20;

/**
 * A unix socket on the host (a guest's VNC or serial port), read into the relay's buffers. Its
 * end means the guest went away.
 */
export async function socketSource(
  transport: Transport,
  path: string,
  buffers: ReadBuffers,
): Promise<ConsoleSource> {
  let listener: ((chunk: Buffer, release: Release) => void) | null = null;
  // Reads before the relay listens (the VNC greeting) wait here.
  const early: [Buffer, Release][] = [];
  const socket: Duplex = await transport.connectSocket(
    path,
    buffers.reader((chunk, release) => {
      if (listener) listener(chunk, release);
      else early.push([chunk, release]);
      return true;
    }),
  );
  const ended = once<SourceEnd>();
  let closedByUs = false;
  socket.on('error', (err: NodeJS.ErrnoException) => {
    if (closedByUs) return;
    ended.emit(
      err.code && GONE.has(err.code)
        ? { reason: 'the guest stopped', code: 1000 }
        : { reason: `the guest's socket failed: ${err.message}`, code: 1011 },
    );
  });
  socket.on('close', () => {
    if (!closedByUs) ended.emit({ reason: 'the guest stopped', code: 1000 });
  });
  return {
    onData(l) {
      listener = l;
      for (const [chunk, release] of early.splice(0)) l(chunk, release);
    },
    onEnd: (l) => ended.on(l),
    write(chunk) {
      socket.write(chunk);
      // Above the socket's high-water mark, so 'drain' follows once it is empty.
      return socket.writableLength < SOCKET_INPUT_WINDOW;
    },
    onDrain: (l) => void socket.on('drain', l),
    resize: () => undefined,
    pause: () => void socket.pause(),
    resume: () => void socket.resume(),
    close() {
      closedByUs = true;
      socket.destroy();
      for (const [, release] of early.splice(0)) release();
    },
  };
}

/** A command on a PTY (zlogin, the bhyve zone console). Its exit ends the stream. */
export function ptySource(pty: PtySession, name: string): ConsoleSource {
  const ended = once<SourceEnd>();
  let closedByUs = false;
  pty.onExit((exit) => {
    if (closedByUs) return;
    ended.emit(
      exit.error
        ? { reason: `${name} lost the host: ${exit.error.message}`, code: 1011 }
        : { reason: `${name} exited with ${exit.exitCode ?? 'no exit code'}`, code: 1000 },
    );
  });
  return {
    // The terminal's bytes go to the client as they are; xterm.js decodes them.
    onData: (l) => void pty.onData((bytes) => l(bytes, NO_RELEASE)),
    onEnd: (l) => ended.on(l),
    write(chunk) {
      pty.write(chunk);
      return true;
    },
    onDrain: () => undefined,
    resize: (cols, rows) => pty.resize(cols, rows),
    pause: () => pty.pause(),
    resume: () => pty.resume(),
    close() {
      closedByUs = true;
      pty.kill();
    },
  };
}
