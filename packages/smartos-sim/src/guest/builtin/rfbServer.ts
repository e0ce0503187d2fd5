// A small RFB 3.8 server (RFC 6143) on the VM's vm.vnc socket, showing the built-in guest's text
// console: security type None, ServerInit with the real framebuffer size and format, Raw
// FramebufferUpdates for incremental and full requests, SetPixelFormat/SetEncodings accepted,
// KeyEvents typed into the console. 3.3 and 3.7 clients are answered in their dialect.
import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

import { CONTROL_KEYSYMS, keysymBytes } from './keysyms.js';
import {
  decodePixelFormat,
  encodePixelFormat,
  intersect,
  rawPixels,
  SERVER_FORMAT,
  union,
  type PixelFormat,
  type Rect,
} from './rfbPixels.js';
import { SCREEN_HEIGHT, SCREEN_WIDTH, type TextScreen } from './textScreen.js';

export interface RfbOptions {
  screen: TextScreen;
  /** the desktop name in ServerInit */
  name: string;
  /** keys typed on the console */
  type: (bytes: string) => void;
}

const FULL: Rect = { x: 0, y: 0, width: SCREEN_WIDTH, height: SCREEN_HEIGHT };
// bytes each client message needs before it can be handled (after the type byte it varies)
const FIXED_LENGTH: Readonly<Record<number, number>> = { 0: 20, 3: 10, 4: 8, 5: 6 };

class RfbConnection {
  private buf = Buffer.alloc(0);
  private phase: 'version' | 'security' | 'init' | 'normal' = 'version';
  private minor = 8;
  private format: PixelFormat = SERVER_FORMAT;
  private dirty: Rect | undefined;
  private pending: Rect | undefined;
  private control = false;

  constructor(
    private readonly socket: Socket,
    private readonly opts: RfbOptions,
  ) {
    socket.write('RFB 003.008\n');
  }

  changed(rect: Rect): void {
    this.dirty = union(this.dirty, rect);
    if (this.pending) this.sendDirty(this.pending);
  }

  receive(data: Buffer): void {
    this.buf = Buffer.concat([this.buf, data]);
    for (;;) {
      const used = this.step();
      if (used === 0) return;
      this.buf = this.buf.subarray(used);
    }
  }

  /** Handles one message at the start of the buffer; returns the bytes used (0: need more). */
  private step(): number {
    const b = this.buf;
    switch (this.phase) {
      case 'version': {
        if (b.length < 12) return 0;
        const m = /^RFB 003\.(\d{3})\n$/.exec(b.subarray(0, 12).toString('latin1'));
        this.minor = m ? Math.min(8, Number(m[1])) : 8;
        if (this.minor < 7) {
          // 3.3: the server picks the security type (None) and there is no SecurityResult
          this.socket.write(Buffer.from([0, 0, 0, 1]));
          this.phase = 'init';
        } else {
          this.socket.write(Buffer.from([1, 1]));
          this.phase = 'security';
        }
        return 12;
      }
      case 'security':
        if (b.length < 1) return 0;
        if (this.minor >= 8) this.socket.write(Buffer.from([0, 0, 0, 0]));
        this.phase = 'init';
        return 1;
      case 'init': {
        if (b.length < 1) return 0;
        const name = Buffer.from(this.opts.name, 'utf8');
        const head = Buffer.alloc(4);
        head.writeUInt16BE(SCREEN_WIDTH, 0);
        head.writeUInt16BE(SCREEN_HEIGHT, 2);
        const len = Buffer.alloc(4);
        len.writeUInt32BE(name.length, 0);
        this.socket.write(Buffer.concat([head, encodePixelFormat(SERVER_FORMAT), len, name]));
        this.phase = 'normal';
        return 1;
      }
      case 'normal':
        return this.message(b);
    }
  }

  private message(b: Buffer): number {
    if (b.length < 1) return 0;
    const type = b.readUInt8(0);
    if (type === 2) {
      if (b.length < 4) return 0;
      const need = 4 + 4 * b.readUInt16BE(2);
      return b.length < need ? 0 : need;
    }
    if (type === 6) {
      if (b.length < 8) return 0;
      const need = 8 + b.readUInt32BE(4);
      return b.length < need ? 0 : need;
    }
    const need = FIXED_LENGTH[type];
    if (need === undefined) {
      this.socket.destroy();
      return 0;
    }
    if (b.length < need) return 0;
    if (type === 0) this.format = decodePixelFormat(b, 4);
    else if (type === 3) this.updateRequest(b.readUInt8(1) !== 0, b);
    else if (type === 4) this.key(b.readUInt8(1) !== 0, b.readUInt32BE(4));
    return need;
  }

  private updateRequest(incremental: boolean, b: Buffer): void {
    const asked = intersect(FULL, {
      x: b.readUInt16BE(2),
      y: b.readUInt16BE(4),
      width: b.readUInt16BE(6),
      height: b.readUInt16BE(8),
    });
    if (asked === undefined) return;
    if (!incremental) {
      this.pending = undefined;
      this.send(asked);
      return;
    }
    this.pending = asked;
    this.sendDirty(asked);
  }

  private sendDirty(asked: Rect): void {
    const rect = this.dirty ? intersect(this.dirty, asked) : undefined;
    if (rect === undefined) return;
    this.pending = undefined;
    this.send(rect);
  }

  private send(rect: Rect): void {
    this.dirty = undefined;
    const head = Buffer.alloc(16);
    head.writeUInt8(0, 0);
    head.writeUInt16BE(1, 2);
    head.writeUInt16BE(rect.x, 4);
    head.writeUInt16BE(rect.y, 6);
    head.writeUInt16BE(rect.width, 8);
    head.writeUInt16BE(rect.height, 10);
    head.writeInt32BE(0, 12);
    this.socket.write(
      Buffer.concat([head, rawPixels(this.opts.screen.pixels, SCREEN_WIDTH, rect, this.format)]),
    );
  }

  private key(down: boolean, keysym: number): void {
    if (CONTROL_KEYSYMS.has(keysym)) {
      this.control = down;
      return;
    }
    if (!down) return;
    const bytes = keysymBytes(keysym, this.control);
    if (bytes !== undefined) this.opts.type(bytes);
  }
}

export async function serveRfb(path: string, opts: RfbOptions): Promise<Server> {
  rmSync(path, { force: true });
  const connections = new Set<RfbConnection>();
  opts.screen.onChange((rect) => {
    for (const c of connections) c.changed(rect);
  });
  const server = createServer((socket) => {
    const conn = new RfbConnection(socket, opts);
    connections.add(conn);
    socket.on('data', (data: Buffer) => conn.receive(data));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => connections.delete(conn));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
