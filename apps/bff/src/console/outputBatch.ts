/**
 * Joins a console source's small chunks into fewer WebSocket frames. The first chunk of a turn
 * of the event loop goes out at once (a keystroke's echo waits for nothing); chunks that follow
 * it in the same turn (a PTY hands over a few KiB per read) go out together as one frame of up
 * to `max` bytes at the end of the turn (setImmediate: no timer). A chunk of `max` or more with
 * nothing waiting goes out as it is, without a copy.
 */
export class OutputBatch {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private scheduled: NodeJS.Immediate | null = null;
  /** A chunk went out in this turn: the next ones wait for the end of the turn. */
  private sentThisTurn = false;

  constructor(
    private readonly send: (chunk: Buffer) => void,
    private readonly max = 64 << 10,
  ) {}

  push(chunk: Buffer): void {
    if (this.bytes === 0 && (chunk.length >= this.max || !this.sentThisTurn)) {
      this.sentThisTurn = true;
      this.endTurnSoon();
      this.send(chunk);
      return;
    }
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    if (this.bytes >= this.max) this.flush();
    else this.endTurnSoon();
  }

  /** Sends what is waiting now (before the stream's end is announced). */
  flush(): void {
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

  private endTurnSoon(): void {
    this.scheduled ??= setImmediate(() => {
      this.scheduled = null;
      this.sentThisTurn = false;
      this.flush();
    });
  }
}
