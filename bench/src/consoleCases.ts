/**
 * What the console benchmark does over one Link (bench/src/consoleLinks.ts) to the bench guest
 * (bench/src/consoleGuest.ts) or a shell: each function is one timed unit of work.
 */
import { FB_HEIGHT, FB_WIDTH, FRAME_BYTES } from './consoleGuest.js';
import type { Link } from './consoleLinks.js';

/** Counts what a link receives, keeps a short text tail, and wakes waiters. */
export class Reader {
  received = 0;
  tail = '';
  private waiters: (() => void)[] = [];

  constructor(
    readonly link: Link,
    private readonly keepTail = false,
  ) {
    link.onData((chunk) => {
      this.received += chunk.length;
      if (this.keepTail) this.tail = (this.tail + chunk.subarray(-256).toString('latin1')).slice(-256);
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    });
  }

  /** Resolves once `check` holds, re-checked on each chunk; rejects after `timeoutMs`. */
  async until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; tail: ${JSON.stringify(this.tail)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  bytes(n: number, timeoutMs?: number): Promise<void> {
    const target = this.received + n;
    return this.until(`${n} bytes`, () => this.received >= target, timeoutMs);
  }

  /** Waits for `pattern` in the tail (output after this call only). */
  text(pattern: RegExp, timeoutMs?: number): Promise<void> {
    this.tail = '';
    return this.until(String(pattern), () => pattern.test(this.tail), timeoutMs);
  }
}

function header(op: 'D' | 'U' | 'P', n: number): Buffer {
  const b = Buffer.alloc(5);
  b.write(op, 0, 'latin1');
  b.writeUInt32BE(n, 1);
  return b;
}

const upChunk = Buffer.alloc(64 << 10, 'u');

/** Downstream: the guest sends `size` bytes. */
export async function down(r: Reader, size: number): Promise<void> {
  const got = r.bytes(size);
  await r.link.write(header('D', size));
  await got;
}

/** Upstream: `size` bytes to the guest, which answers `k` once it has them all. */
export async function up(r: Reader, size: number): Promise<void> {
  const got = r.bytes(1);
  await r.link.write(header('U', size));
  for (let left = size; left > 0; left -= upChunk.length)
    await r.link.write(left >= upChunk.length ? upChunk : upChunk.subarray(0, left));
  await got;
}

const pingBody = Buffer.concat([header('P', 16), Buffer.alloc(16, 'p')]);

/** `count` round trips of a 16-byte message echoed by the guest; pushes each in µs. */
export async function pings(r: Reader, count: number, samplesUs: number[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const got = r.bytes(16);
    await r.link.write(pingBody);
    await got;
    samplesUs.push((performance.now() - started) * 1000);
  }
}

/** The RFB client side up to the first request: version, security None, ClientInit. */
export async function rfbHandshake(r: Reader): Promise<void> {
  const version = r.bytes(12);
  await r.link.write(Buffer.from('R'));
  await version;
  const types = r.bytes(2);
  await r.link.write(Buffer.from('RFB 003.008\n', 'latin1'));
  await types;
  const result = r.bytes(4);
  await r.link.write(Buffer.from([1]));
  await result;
  const init = r.bytes(24 + 5);
  await r.link.write(Buffer.from([1]));
  await init;
}

const updateRequest = Buffer.alloc(10);
updateRequest.writeUInt8(3, 0);
updateRequest.writeUInt16BE(FB_WIDTH, 6);
updateRequest.writeUInt16BE(FB_HEIGHT, 8);

/** `count` full (non-incremental) 1280x800 raw frames, one request each. */
export async function frames(r: Reader, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const got = r.bytes(FRAME_BYTES);
    await r.link.write(updateRequest);
    await got;
  }
}

/** A shell prompt after the output so far (zlogin's bash ends its prompt with `# `). */
export async function prompt(r: Reader): Promise<void> {
  await r.until('a prompt', () => /# $/.test(r.tail), 30_000);
}

/** `cat` of a file in the shell, until a marker printed after it. */
export async function catFile(r: Reader, file: string): Promise<void> {
  const done = r.text(/DONE-MARK/, 120_000);
  // Quoted so the echoed command line does not contain the marker.
  await r.link.write(Buffer.from(`cat ${file}; echo DONE-""MARK\r`));
  await done;
  await prompt(r);
}

/**
 * Keystroke echo: with `cat > /dev/null` reading the terminal, each key comes back as the
 * terminal's echo. `count` keys, a newline every 64; pushes each key's round trip in µs.
 */
export async function echoes(r: Reader, count: number, samplesUs: number[]): Promise<void> {
  const key = Buffer.from('a');
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const got = r.bytes(1);
    await r.link.write(key);
    await got;
    samplesUs.push((performance.now() - started) * 1000);
    if (i % 64 === 63) {
      const nl = r.text(/\n/);
      await r.link.write(Buffer.from('\r'));
      await nl;
    }
  }
  const nl = r.text(/\n/);
  await r.link.write(Buffer.from('\r'));
  await nl;
}
