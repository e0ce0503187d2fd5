// vmadm.js readFile(): the payload from -f <file> or stdin, parsed as JSON, with the
// messages the vmadm CLI prints for a missing file or bad JSON.
import { readFileSync } from 'node:fs';

import type { JsonValue } from '../../state/json.js';
import type { ParsedArgs } from './args.js';
import type { VmadmContext } from './context.js';
import { PayloadError } from './normalizePayload.js';
import { usageExit } from './usage.js';

/** `-f file` unless absent or '-', which means stdin. */
export function payloadFilename(parsed: ParsedArgs): string {
  const file = parsed.values.get('file');
  return typeof file === 'string' && file !== '-' ? file : '-';
}

/** Refuses to read a payload from a terminal, as vmadm does (usage, exit 2). */
export function refuseTty(filename: string, ctx: VmadmContext, message: string): void {
  if (filename === '-' && ctx.stdin?.isTty === true) usageExit(message);
}

/**
 * JSON.parse's message as the V8 of SmartOS's /usr/node printed it ("Unexpected token }",
 * "Unexpected end of input", "Unexpected string", "Unexpected number"), which is what the
 * fixtures hold; today's V8 words them differently.
 */
export function classicJsonError(text: string, err: Error): string {
  const token =
    /^Unexpected token '?(.)'?,/.exec(err.message) ?? /^Unexpected token (.) in JSON/.exec(err.message);
  const pos = /at position (\d+)/.exec(err.message);
  let ch: string | undefined;
  if (pos) ch = text[Number(pos[1])];
  else if (token) ch = token[1];
  if (ch === undefined || /end of (JSON )?input|Unterminated/.test(err.message))
    return 'Unexpected end of input';
  if (ch === '"') return 'Unexpected string';
  if (/[-0-9]/.test(ch)) return 'Unexpected number';
  return `Unexpected token ${ch}`;
}

async function readText(filename: string, ctx: VmadmContext): Promise<string> {
  if (filename === '-') {
    if (ctx.stdin) return ctx.stdin.read();
    return '';
  }
  try {
    return readFileSync(filename, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new PayloadError(`File: ${filename} does not exist.`);
    throw new PayloadError(
      `Error reading: ${filename} ${JSON.stringify({ errno: e.errno, code: e.code, syscall: e.syscall, path: e.path })}`,
    );
  }
}

/** The payload, or a PayloadError carrying vmadm's message. */
export async function readPayload(filename: string, ctx: VmadmContext): Promise<JsonValue> {
  const text = await readText(filename, ctx);
  try {
    return JSON.parse(text) as JsonValue;
  } catch (err) {
    throw new PayloadError(`Invalid JSON payload: ${classicJsonError(text, err as Error)}`);
  }
}
