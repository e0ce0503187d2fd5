/**
 * Reused read buffers for the relay's guest sockets. Node otherwise reads every chunk into a
 * fresh 64 KiB buffer that lives until a garbage collection: at hundreds of MB/s the relay
 * spent most of its time in the kernel faulting those pages in (bench/README.md, console).
 * Here a socket reads into a pooled buffer (SocketReader); a large read is handed on as a view
 * of it and the buffer comes back once the WebSocket has written it (`release`), a small read
 * is copied out so that a few bytes never pin a large buffer.
 *
 * Memory: a pinned buffer holds a read of at least a quarter of its size, so pinned memory is
 * at most 4x the bytes waiting to be sent, which flow control bounds; at most `keep` idle
 * buffers stay in the pool, shared by every console of the relay.
 *
 * The same pool lends whole buffers to fill (`lend`): OutputBatch joins a terminal's small
 * reads into one of them instead of a fresh buffer per frame, one allocation less per frame for
 * the garbage collector (in the BFF a full collection marks the whole Next.js heap).
 */
import type { SocketReader } from '@zonedeck/smartos';

/** A chunk to send, and what to call once it has been written (or dropped). */
export type Release = () => void;
export const NO_RELEASE: Release = () => undefined;

export class ReadBuffers {
  private readonly free: Buffer[] = [];
  private pinnedCount = 0;
  private allocatedCount = 0;

  constructor(
    readonly size = 256 << 10,
    private readonly keep = 8,
  ) {}

  /** Buffers handed on with a read and not yet released. */
  get pinned(): number {
    return this.pinnedCount;
  }

  /** Buffers allocated so far (each read otherwise allocates one). */
  get allocated(): number {
    return this.allocatedCount;
  }

  /** Idle buffers waiting for a read. */
  get idle(): number {
    return this.free.length;
  }

  /** A SocketReader that passes each read on to `deliver` with its release. */
  reader(deliver: (chunk: Buffer, release: Release) => boolean): SocketReader {
    // What this socket was lent for its next read (Node asks again after each read); it goes
    // with the reader when the socket closes.
    const lent = new Map<ArrayBufferLike, Buffer>();
    return {
      nextBuffer: () => {
        const buffer = this.take();
        lent.set(buffer.buffer, buffer);
        return buffer;
      },
      onRead: (chunk) => {
        const whole = lent.get(chunk.buffer);
        if (!whole) return deliver(chunk, NO_RELEASE);
        lent.delete(chunk.buffer);
        if (chunk.length < this.size / 4) {
          const copy = Buffer.from(chunk);
          this.give(whole);
          return deliver(copy, NO_RELEASE);
        }
        return deliver(chunk, this.pin(whole));
      },
    };
  }

  /** A whole buffer to fill; `release` gives it back once what was written into it is sent. */
  lend(): { buffer: Buffer; release: Release } {
    const buffer = this.take();
    return { buffer, release: this.pin(buffer) };
  }

  /** An idle buffer, or a new one. */
  private take(): Buffer {
    const idle = this.free.pop();
    if (idle) return idle;
    this.allocatedCount++;
    return Buffer.allocUnsafeSlow(this.size);
  }

  /** Counts `buffer` as pinned until the returned release (idempotent) gives it back. */
  private pin(buffer: Buffer): Release {
    this.pinnedCount++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.pinnedCount--;
      this.give(buffer);
    };
  }

  private give(buffer: Buffer): void {
    if (this.free.length < this.keep) this.free.push(buffer);
  }
}
