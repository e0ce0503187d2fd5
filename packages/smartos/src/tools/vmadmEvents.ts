/**
 * `vmadm events -j -r` as a stream (REFERENCE 1.9): started with transport.spawn, its stdout
 * cut into lines and each parsed (parsers/vmadmEvents.ts). The end reports the exit code and
 * the last output (an older vmadm exits at once with its usage), or the link failure.
 */
import { isSmartosError, SmartosError } from '../errors.js';
import { parseVmadmEventLine, type VmadmEvent } from '../parsers/vmadmEvents.js';
import type { ToolContext } from './tool.js';

export interface VmEventStreamEnd {
  /** null when the link failed (see error) rather than the command exiting. */
  exitCode: number | null;
  /** The end of stderr and of any stdout that was not an event (usage text), for diagnosis. */
  output: string;
  error?: SmartosError;
}

export interface VmEventStreamHandlers {
  event(event: VmadmEvent): void;
  /** A line that is not an event vmadm documents; the stream goes on. */
  unreadable(error: SmartosError): void;
  /** Called once, when the stream ended for any reason but stop(). */
  end(end: VmEventStreamEnd): void;
}

export interface VmEventStream {
  /** Kills the command; `end` is not called after this. */
  stop(): void;
}

const MAX_OUTPUT_TAIL = 4096;
/** A `ready` line carries every VM: allow big ones, but not without limit. */
const MAX_LINE_CHARS = 256 * 1024 * 1024;

export function vmadmEventsArgv(command: string): string[] {
  return [command, 'events', '-j', '-r'];
}

export async function vmadmEvents(ctx: ToolContext, handlers: VmEventStreamHandlers): Promise<VmEventStream> {
  const argv = vmadmEventsArgv(ctx.command);
  const proc = await ctx.transport.spawn({ argv });
  let stopped = false;
  let pending = '';
  let tail = '';
  let tooLong: SmartosError | undefined;
  const keep = (text: string) => {
    tail = (tail + text).slice(-MAX_OUTPUT_TAIL);
  };

  const line = (text: string) => {
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return;
    if (!trimmed.startsWith('{')) {
      keep(`${trimmed}\n`);
      return;
    }
    let event: VmadmEvent;
    try {
      event = parseVmadmEventLine(trimmed);
    } catch (err) {
      if (!isSmartosError(err)) throw err;
      handlers.unreadable(err);
      return;
    }
    handlers.event(event);
  };

  proc.onStdout((text) => {
    if (stopped) return;
    pending += text;
    let eol = pending.indexOf('\n');
    while (eol >= 0 && !stopped) {
      const one = pending.slice(0, eol);
      pending = pending.slice(eol + 1);
      line(one);
      eol = pending.indexOf('\n');
    }
    if (pending.length > MAX_LINE_CHARS) {
      const message = `vmadm events wrote a line of more than ${MAX_LINE_CHARS} characters; it was stopped`;
      tooLong = new SmartosError({ code: 'CommandFailed', argv, message });
      proc.kill();
    }
  });
  proc.onStderr(keep);
  proc.onExit((exit) => {
    if (stopped) return;
    if (pending !== '' && !tooLong) line(pending);
    stopped = true;
    const error = tooLong ?? exit.error;
    handlers.end({ exitCode: exit.exitCode, output: tail, ...(error && { error }) });
  });
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      proc.kill();
    },
  };
}
