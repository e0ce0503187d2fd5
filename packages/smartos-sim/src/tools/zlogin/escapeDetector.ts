// zlogin's escape: the command character (default ~) at the start of a line followed by '.'
// disconnects. Input bytes pass through, except the escape sequence itself.
export class EscapeDetector {
  private atLineStart = true;
  private sawCmdchar = false;

  constructor(private readonly cmdchar: string) {}

  /** Returns the bytes to forward and whether the user asked to disconnect. */
  feed(data: string): { forward: string; disconnect: boolean } {
    let forward = '';
    for (const ch of data) {
      if (this.sawCmdchar) {
        this.sawCmdchar = false;
        if (ch === '.') return { forward, disconnect: true };
        forward += this.cmdchar;
        if (ch === this.cmdchar) {
          this.atLineStart = false;
          continue;
        }
      } else if (this.atLineStart && ch === this.cmdchar) {
        this.sawCmdchar = true;
        continue;
      }
      forward += ch;
      this.atLineStart = ch === '\r' || ch === '\n';
    }
    return { forward, disconnect: false };
  }
}
