/**
 * Joins a console source's small chunks into fewer WebSocket frames: chunks that arrive in the
 * same turn of the event loop (a PTY hands over at most a few KiB per read) go out as one frame
 * of up to `max` bytes, in the same turn (setImmediate: no timer, so a keystroke's echo is not
 * delayed). A chunk of `max` or more with nothing waiting goes out as it is, without a copy.
 */
export class OutputBatch {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private scheduled: NodeJS.Immediate | null = null;

  constructor(
    private readonly send: (chunk: Buffer) => void,
    private readonly max = 64 << 10,
  ) {}

  push(chunk: Buffer): void {
    if (this.bytes === 0 && chunk.length >= this.max) {
      this.send(chunk);
      return;
    }
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    if (this.bytes >= this.max) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Sends what is waiting now (before the stream's end is announced). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    if (this.bytes === 0) return;
    const [first] = this.chunks;
    const out = this.chunks.length === 1 && first ? first : Buffer.concat(this.chunks, this.bytes);
    this.chunks = [];
    this.bytes = 0;
    this.send(out);
  }

  /** Drops what is waiting (the client went away). */
  dispose(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    this.chunks = [];
    this.bytes = 0;
  }
}
