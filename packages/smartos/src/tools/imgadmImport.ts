/**
 * `imgadm import` on a terminal. imgadm draws its download bar only when stderr is a TTY, so
 * the driver runs it through the transport's PTY and reads the redrawn bar as it comes: each
 * line and each draw becomes an event for `onEvent` (bytes, rate, then the checksum and
 * install steps). On a terminal stdout and stderr are one stream; a non-zero exit is turned
 * into an error from the plain transcript (imgadm's `imgadm import: error (Code): …` line).
 */
import { StringDecoder } from 'node:string_decoder';

import { describeArgv, errorFromExit, isSmartosError, SmartosError } from '../errors.js';
import type { ImageImportEvent } from '../model/image.js';
import { ImgadmImportReader } from '../parsers/imgadmProgress.js';
import type { PtySession } from '../transport/transport.js';
import type { CallOptions, ToolContext } from './tool.js';

/** Wide enough that progbar's label and figures keep their full form. */
export const IMPORT_TERMINAL = { cols: 120, rows: 24 } as const;

export interface ImportRun {
  argv: readonly string[];
  /** Each event as imgadm prints it. */
  onEvent?: (event: ImageImportEvent) => void;
}

/** Runs argv (an `imgadm import`) on a terminal; resolves with every event once it exits 0. */
export async function runImportOnTerminal(
  ctx: ToolContext,
  run: ImportRun,
  call: CallOptions,
): Promise<ImageImportEvent[]> {
  const { argv } = run;
  const shown = describeArgv(argv);
  if (call.signal?.aborted)
    throw new SmartosError({ code: 'Aborted', argv, message: `${shown} was aborted` });
  let session: PtySession;
  try {
    session = await ctx.transport.spawnPty({ argv, ...IMPORT_TERMINAL });
  } catch (cause) {
    if (isSmartosError(cause)) throw cause;
    throw new SmartosError({
      code: 'CommandFailed',
      argv,
      message: `${shown} could not run on ${ctx.transport.description}: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    });
  }
  const reader = new ImgadmImportReader();
  const events: ImageImportEvent[] = [];
  const take = (found: ImageImportEvent[]): void => {
    for (const event of found) {
      events.push(event);
      run.onEvent?.(event);
    }
  };

  return new Promise<ImageImportEvent[]>((resolve, reject) => {
    let failure: SmartosError | undefined;
    const stop = (error: SmartosError): void => {
      failure ??= error;
      session.kill();
    };
    const timer = setTimeout(
      () =>
        stop(
          new SmartosError({
            code: 'Timeout',
            argv,
            stderr: reader.transcript(),
            message: `${shown} timed out after ${call.timeoutMs} ms`,
          }),
        ),
      call.timeoutMs,
    );
    const onAbort = (): void =>
      stop(
        new SmartosError({
          code: 'Aborted',
          argv,
          stderr: reader.transcript(),
          message: `${shown} was aborted`,
        }),
      );
    call.signal?.addEventListener('abort', onAbort, { once: true });

    const text = new StringDecoder('utf8');
    session.onData((data) => take(reader.push(text.write(data))));
    session.onExit((exit) => {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      take([...reader.push(text.end()), ...reader.end()]);
      if (failure !== undefined) reject(failure);
      else if (exit.error !== undefined) reject(exit.error);
      else if (exit.exitCode !== 0)
        reject(errorFromExit(argv, exit.exitCode ?? 1, errorText(reader.transcript())));
      else resolve(events);
    });
  });
}

/** What a failed import said: from imgadm's `imgadm import: error (…)` line on, else its last line. */
export function errorText(transcript: string): string {
  const lines = transcript.split('\n').filter((l) => l.trim() !== '');
  const at = lines.findIndex((l) => /^imgadm [\w-]+: error/.test(l));
  return (at >= 0 ? lines.slice(at) : lines.slice(-1)).join('\n');
}
