/**
 * Joins a console source's chunks into fewer WebSocket frames without delaying what a user
 * waits for:
 *
 * - interactive output (a keystroke's echo, a prompt): the first chunk of a turn of the event
 *   loop goes out at once; chunks that follow it in the same turn go out together at the end of
 *   the turn (setImmediate);
 * - bulk output (`cat` of a big file: a PTY hands over a few KiB per read, one read per turn):
 *   once a run of output without a 1 ms gap has passed `bulkBytes` at more than `bulkBytes` per
 *   millisecond, chunks wait up to `bulkDelayMs` and go out as one frame of up to `max` bytes.
 *   Each frame costs a send on both ends; joining them took the relay's share of `cat` from one
 *   frame per 4 KiB read to one per ~64 KiB.
 *
 * A chunk of `max` or more with nothing waiting goes out as it is, without a copy. Each chunk
 * comes with its release (readBuffers.ts): a chunk sent as it is hands its release to `send`;
 * chunks joined into a copy are released once copied. Joins go into a buffer lent by
 * `joinBuffers` (given back once sent) when they fit, else into a fresh one.
 */
import { NO_RELEASE, type ReadBuffers, type Release } from './readBuffers.js';

export interface OutputBatchOptions {
  /** The largest frame made by joining chunks. */
  max?: number;
  /** A run of output larger than this, and faster than this per millisecond, is bulk. */
  bulkBytes?: number;
  /** How long bulk output may wait to be joined. */
  bulkDelayMs?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
  /** Where joined frames are written (buffers of at least `max` bytes, reused once sent). */
  joinBuffers?: ReadBuffers;
}

export class OutputBatch {
  private chunks: Buffer[] = [];
  private releases: Release[] = [];
  private bytes = 0;
  private scheduled: NodeJS.Immediate | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** A chunk went out in this turn: the next ones wait for the end of the turn. */
  private sentThisTurn = false;
  /** The current run of output: chunks less than 1 ms apart. */
  private runStart = 0;
  private runBytes = 0;
  private lastChunkAt = -Infinity;
  private readonly max: number;
  private readonly bulkBytes: number;
  private readonly bulkDelayMs: number;
  private readonly now: () => number;
  private readonly joinBuffers: ReadBuffers | undefined;

  constructor(
    private readonly send: (chunk: Buffer, release: Release) => void,
    options: OutputBatchOptions = {},
  ) {
    this.max = options.max ?? 64 << 10;
    this.bulkBytes = options.bulkBytes ?? 8 << 10;
    this.bulkDelayMs = options.bulkDelayMs ?? 2;
    this.now = options.now ?? (() => performance.now());
    this.joinBuffers = options.joinBuffers;
  }

  push(chunk: Buffer, release: Release = NO_RELEASE): void {
    const bulk = this.countRate(chunk.length);
    if (this.bytes === 0 && (chunk.length >= this.max || (!bulk && !this.sentThisTurn))) {
      this.sentThisTurn = true;
      this.endTurnSoon();
      this.send(chunk, release);
      return;
    }
    this.chunks.push(chunk);
    this.releases.push(release);
    this.bytes += chunk.length;
    if (this.bytes >= this.max) this.flush();
    else if (bulk) this.timer ??= setTimeout(() => this.flush(), this.bulkDelayMs);
    else this.endTurnSoon();
  }

  /** Sends what is waiting now (before the stream's end is announced). */
  flush(): void {
    this.clearTimer();
    if (this.bytes === 0) return;
    const [first] = this.chunks;
    const [release] = this.releases;
    if (this.chunks.length === 1 && first && release) {
      this.reset();
      this.send(first, release);
      return;
    }
    const { out, release: outRelease } = this.join();
    for (const r of this.releases) r();
    this.reset();
    this.send(out, outRelease);
  }

  /** The waiting chunks as one buffer: a lent one when they fit, else a fresh one. */
  private join(): { out: Buffer; release: Release } {
    if (!this.joinBuffers || this.bytes > this.joinBuffers.size) {
      return { out: Buffer.concat(this.chunks, this.bytes), release: NO_RELEASE };
    }
    const { buffer, release } = this.joinBuffers.lend();
    let at = 0;
    for (const chunk of this.chunks) at += chunk.copy(buffer, at);
    return { out: buffer.subarray(0, at), release };
  }

  /** Drops what is waiting (the client went away). */
  dispose(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.clearTimer();
    for (const r of this.releases) r();
    this.reset();
  }

  /** Counts `bytes` into the current run of output; true when the run is bulk. */
  private countRate(bytes: number): boolean {
    const now = this.now();
    if (now - this.lastChunkAt > 1) {
      this.runStart = now;
      this.runBytes = 0;
    }
    this.lastChunkAt = now;
    this.runBytes += bytes;
    const perMs = this.runBytes / Math.max(now - this.runStart, 1);
    return this.runBytes > this.bulkBytes && perMs > this.bulkBytes;
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private reset(): void {
    this.chunks = [];
    this.releases = [];
    this.bytes = 0;
  }

  private endTurnSoon(): void {
    this.scheduled ??= setImmediate(() => {
      this.scheduled = null;
      this.sentThisTurn = false;
      // Bulk output waits for its timer, not for the end of the turn.
      if (!this.timer) this.flush();
    });
  }
}
