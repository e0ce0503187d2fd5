// Test clients for a guest's console sockets: an RFB 3.8 viewer (handshake, one framebuffer
// update) and a serial terminal (wait for text, type).
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

class Reader {
  private buf = Buffer.alloc(0);
  private waiter: (() => void) | undefined;
  private closed = false;

  constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => undefined);
  }

  text(): string {
    return this.buf.toString('latin1');
  }

  async read(n: number, timeoutMs = 10_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.buf.length < n) {
      if (this.closed) throw new Error('socket closed');
      if (Date.now() > deadline) throw new Error(`timed out reading ${n} bytes`);
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 50);
      });
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** Waits until the received text matches; `poke` is sent every second meanwhile. */
  async waitFor(pattern: RegExp, timeoutMs: number, poke?: string): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let lastPoke = 0;
    while (!pattern.test(this.text())) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${String(pattern)}; got ${JSON.stringify(this.text().slice(-300))}`,
        );
      if (poke !== undefined && Date.now() - lastPoke > 1000) {
        this.socket.write(poke);
        lastPoke = Date.now();
      }
      await sleep(50);
    }
    return this.text();
  }

  clear(): void {
    this.buf = Buffer.alloc(0);
  }
}

export async function openSocket(path: string): Promise<Reader> {
  const socket = connect(path);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return new Reader(socket);
}

export interface Framebuffer {
  version: string;
  width: number;
  height: number;
  name: string;
  /** pixels of the first update that are not black */
  litPixels: number;
}

/** Connects as an RFB 3.8 client with security None and fetches the whole screen once. */
export async function viewScreen(path: string): Promise<Framebuffer> {
  const r = await openSocket(path);
  try {
    const version = (await r.read(12)).toString('latin1');
    r.socket.write('RFB 003.008\n');
    const count = (await r.read(1)).readUInt8(0);
    const types = [...(await r.read(count))];
    if (!types.includes(1)) throw new Error(`no security type None in ${types.join(',')}`);
    r.socket.write(Buffer.from([1]));
    if ((await r.read(4)).readUInt32BE(0) !== 0) throw new Error('security handshake failed');
    r.socket.write(Buffer.from([1])); // ClientInit: shared
    const init = await r.read(24);
    const width = init.readUInt16BE(0);
    const height = init.readUInt16BE(2);
    const bpp = init.readUInt8(4);
    const name = (await r.read(init.readUInt32BE(20))).toString('utf8');
    // SetEncodings: Raw only
    r.socket.write(Buffer.from([2, 0, 0, 1, 0, 0, 0, 0]));
    const req = Buffer.alloc(10);
    req.writeUInt8(3, 0);
    req.writeUInt8(0, 1);
    req.writeUInt16BE(width, 6);
    req.writeUInt16BE(height, 8);
    r.socket.write(req);
    let litPixels = 0;
    for (;;) {
      const head = await r.read(4);
      if (head.readUInt8(0) !== 0) throw new Error(`unexpected server message ${head.readUInt8(0)}`);
      const rects = head.readUInt16BE(2);
      let gotPixels = false;
      for (let i = 0; i < rects; i += 1) {
        const rect = await r.read(12);
        const w = rect.readUInt16BE(4);
        const h = rect.readUInt16BE(6);
        const encoding = rect.readInt32BE(8);
        if (encoding !== 0) continue; // pseudo-encodings carry no pixels here
        const px = await r.read(w * h * (bpp / 8), 30_000);
        for (let p = 0; p < px.length; p += bpp / 8)
          if (px[p] !== 0 || px[p + 1] !== 0 || px[p + 2] !== 0) litPixels += 1;
        gotPixels = true;
      }
      if (gotPixels) break;
    }
    return { version, width, height, name, litPixels };
  } finally {
    r.socket.destroy();
  }
}

/** Logs in on a serial console and runs one command; returns what the line showed. */
export async function serialSession(
  path: string,
  password: string,
  command: string,
  expect: RegExp,
  timeoutMs: number,
): Promise<string> {
  const r = await openSocket(path);
  try {
    await r.waitFor(/login: $/, timeoutMs, '\r');
    r.clear();
    r.socket.write('root\r');
    await r.waitFor(/Password: ?$/, 10_000);
    r.clear();
    r.socket.write(`${password}\r`);
    // the prompt ends in '# ' (busybox ash may add a cursor-position query, ESC [6n)
    await r.waitFor(new RegExp(`# ?(${String.fromCharCode(27)}\\[6n)?$`), 15_000);
    r.socket.write(`${command}\r`);
    return await r.waitFor(expect, 15_000);
  } finally {
    r.socket.destroy();
  }
}
