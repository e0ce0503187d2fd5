/** Small helpers shared by the pure parsers. */
import type { z } from 'zod';

import { SmartosError } from '../errors.js';

/** What a pure parser throws on input it cannot read; runAndParse adds the command. */
export function parseError(message: string, cause?: unknown): SmartosError {
  return new SmartosError({ code: 'ParseError', message, cause });
}

/** Output lines without the trailing newline's empty tail; a stray CR before LF is dropped. */
export function outputLines(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** JSON.parse with a ParseError naming the command. */
export function parseJson(stdout: string, what: string): unknown {
  try {
    return JSON.parse(stdout) as unknown;
  } catch (cause) {
    throw parseError(
      `${what}: output is not JSON (${cause instanceof Error ? cause.message : String(cause)})`,
      cause,
    );
  }
}

/** Runs a zod schema; the first issue (with its path) becomes a ParseError. */
export function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
  throw parseError(`${what}: unexpected output${where}: ${issue?.message ?? 'invalid'}`, result.error);
}
