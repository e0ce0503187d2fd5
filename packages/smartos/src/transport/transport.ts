/**
 * A Transport moves bytes to and from one host. It knows nothing of SmartOS commands:
 * the driver builds argv arrays and parses what comes back.
 */
export interface ExecRequest {
  /** The command and its arguments. Never a shell string. */
  argv: readonly string[];
  /** Written to the command's standard input, then closed. */
  stdin?: string;
  /** Kill the command and reject with a Timeout error after this many milliseconds. */
  timeoutMs?: number;
  /** Kill the command and reject with an Aborted error when this signal fires. */
  signal?: AbortSignal;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Transport {
  /** A short human description for logs and errors, e.g. "local" or "ssh root@10.0.0.5:22". */
  readonly description: string;
  /** Runs one command; resolves with its exit code and output whatever the exit code is. */
  exec(request: ExecRequest): Promise<ExecResult>;
  /** Releases connections and child processes. */
  close(): Promise<void>;
}
