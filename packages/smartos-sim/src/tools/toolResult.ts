/** What one run of a simulated executable produced: the CLI entry writes it out and exits. */
export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Collects the lines a tool prints, like console.log / console.error. */
export class ToolOutput {
  private readonly out: string[] = [];
  private readonly err: string[] = [];

  log(line: string): void {
    this.out.push(line);
  }

  error(line: string): void {
    this.err.push(line);
  }

  result(code: number): ToolResult {
    const join = (lines: string[]): string => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);
    return { code, stdout: join(this.out), stderr: join(this.err) };
  }
}
