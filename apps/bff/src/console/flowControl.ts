/**
 * Flow control of terminal streams (docs/consoleProtocol.md#flow-control), after cockpit's
 * channel window: the relay counts bytes sent minus bytes the client acknowledged having
 * rendered, pauses its source above `window` and resumes it below half of it.
 */
export class AckWindow {
  private sent = 0;
  private acked = 0;
  private paused = false;

  constructor(
    private readonly window: number,
    private readonly source: { pause(): void; resume(): void },
  ) {}

  get unacked(): number {
    return this.sent - this.acked;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Call after sending `bytes` to the client. */
  sentBytes(bytes: number): void {
    this.sent += bytes;
    if (!this.paused && this.unacked >= this.window) {
      this.paused = true;
      this.source.pause();
    }
  }

  /** Call with a client's `ack`; acks beyond what was sent are ignored. */
  ackedBytes(bytes: number): void {
    this.acked = Math.min(this.sent, this.acked + bytes);
    if (this.paused && this.unacked < this.window / 2) {
      this.paused = false;
      this.source.resume();
    }
  }
}

/**
 * Flow control of the VNC stream, which has no acks: the WebSocket's send buffer is the
 * window. Above `high` buffered bytes the source pauses; it resumes once the buffer drains
 * below `low` (checked in each send's callback).
 */
export class BufferedWindow {
  private paused = false;

  constructor(
    private readonly high: number,
    private readonly low: number,
    private readonly source: { pause(): void; resume(): void },
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  /** Call after each send and in each send callback, with the socket's bufferedAmount. */
  update(bufferedAmount: number): void {
    if (!this.paused && bufferedAmount > this.high) {
      this.paused = true;
      this.source.pause();
    } else if (this.paused && bufferedAmount <= this.low) {
      this.paused = false;
      this.source.resume();
    }
  }
}
