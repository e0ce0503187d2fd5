/**
 * The one exec primitive of the driver (node-vmadm's execVmadm): run argv through the
 * transport, turn a non-zero exit into a classified SmartosError, and run the pure parser
 * with its failures reported as ParseError naming the command.
 */
import { describeArgv, errorFromExit, firstLine, isSmartosError, SmartosError } from '../errors.js';
import type { ExecResult, Transport } from '../transport/transport.js';

export interface ToolCall {
  argv: readonly string[];
  stdin?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Runs one command; resolves only when it exited 0. */
export async function runTool(transport: Transport, call: ToolCall): Promise<ExecResult> {
  let result: ExecResult;
  try {
    result = await transport.exec({
      argv: call.argv,
      timeoutMs: call.timeoutMs,
      ...(call.stdin !== undefined && { stdin: call.stdin }),
      ...(call.signal !== undefined && { signal: call.signal }),
    });
  } catch (cause) {
    if (isSmartosError(cause)) throw cause;
    throw new SmartosError({
      code: 'CommandFailed',
      argv: call.argv,
      message: `${describeArgv(call.argv)} could not run on ${transport.description}: ${errorText(cause)}`,
      cause,
    });
  }
  if (result.exitCode !== 0) throw errorFromExit(call.argv, result.exitCode, result.stderr);
  return result;
}

/** Runs one command and parses its stdout. */
export async function runAndParse<T>(
  transport: Transport,
  call: ToolCall,
  parse: (stdout: string) => T,
): Promise<T> {
  const result = await runTool(transport, call);
  try {
    return parse(result.stdout);
  } catch (cause) {
    throw new SmartosError({
      code: 'ParseError',
      argv: call.argv,
      exitCode: result.exitCode,
      stderr: result.stderr,
      message: `could not read the output of ${describeArgv(call.argv)}: ${firstLine(errorText(cause))}`,
      cause,
    });
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
