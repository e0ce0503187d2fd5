/**
 * Joins a console source's small chunks into fewer WebSocket frames. The first chunk of a turn
 * of the event loop goes out at once (a keystroke's echo waits for nothing); chunks that follow
 * it in the same turn (a PTY hands over a few KiB per read) go out together as one frame of up
 * to `max` bytes at the end of the turn (setImmediate: no timer). A chunk of `max` or more with
 * nothing waiting goes out as it is, without a copy.
 *
 * Each chunk comes with its release (readBuffers.ts): a chunk sent as it is hands its release
 * to `send`; chunks joined into a copy are released once copied.
 */
import { NO_RELEASE, type Release } from './readBuffers.js';

export class OutputBatch {
  private chunks: Buffer[] = [];
  private releases: Release[] = [];
  private bytes = 0;
  private scheduled: NodeJS.Immediate | null = null;
  /** A chunk went out in this turn: the next ones wait for the end of the turn. */
  private sentThisTurn = false;

  constructor(
    private readonly send: (chunk: Buffer, release: Release) => void,
    private readonly max = 64 << 10,
  ) {}

  push(chunk: Buffer, release: Release = NO_RELEASE): void {
    if (this.bytes === 0 && (chunk.length >= this.max || !this.sentThisTurn)) {
      this.sentThisTurn = true;
      this.endTurnSoon();
      this.send(chunk, release);
      return;
    }
    this.chunks.push(chunk);
    this.releases.push(release);
    this.bytes += chunk.length;
    if (this.bytes >= this.max) this.flush();
    else this.endTurnSoon();
  }

  /** Sends what is waiting now (before the stream's end is announced). */
  flush(): void {
    if (this.bytes === 0) return;
    const [first] = this.chunks;
    const [release] = this.releases;
    if (this.chunks.length === 1 && first && release) {
      this.reset();
      this.send(first, release);
      return;
    }
    const out = Buffer.concat(this.chunks, this.bytes);
    for (const r of this.releases) r();
    this.reset();
    this.send(out, NO_RELEASE);
  }

  /** Drops what is waiting (the client went away). */
  dispose(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    for (const r of this.releases) r();
    this.reset();
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
      this.flush();
    });
  }
}
