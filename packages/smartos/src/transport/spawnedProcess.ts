/**
 * The SpawnedProcess both transports hand out: output decoded as UTF-8 (characters kept
 * whole across chunks) and held until the first listener, and one exit report.
 */
import { StringDecoder } from 'node:string_decoder';

import type { ProcessExit, SpawnedProcess } from './transport.js';

export interface ProcessHandle {
  process: SpawnedProcess;
  stdout(chunk: Buffer): void;
  stderr(chunk: Buffer): void;
  /** Reports the end once (later calls are ignored), after flushing the decoders. */
  exit(exit: ProcessExit): void;
  readonly ended: boolean;
}

function outputChannel() {
  const decoder = new StringDecoder('utf8');
  const listeners = new Set<(text: string) => void>();
  let held: string[] | undefined = [];
  const deliver = (text: string) => {
    if (text === '') return;
    if (held) held.push(text);
    else for (const listener of [...listeners]) listener(text);
  };
  return {
    push: (chunk: Buffer) => deliver(decoder.write(chunk)),
    flush: () => deliver(decoder.end()),
    on(listener: (text: string) => void): () => void {
      listeners.add(listener);
      const pending = held;
      held = undefined;
      for (const text of pending ?? []) listener(text);
      return () => listeners.delete(listener);
    },
  };
}

export function createProcessHandle(kill: () => void): ProcessHandle {
  const out = outputChannel();
  const err = outputChannel();
  const exitListeners = new Set<(exit: ProcessExit) => void>();
  let ended: ProcessExit | undefined;

  return {
    get ended() {
      return ended !== undefined;
    },
    stdout(chunk) {
      if (!ended) out.push(chunk);
    },
    stderr(chunk) {
      if (!ended) err.push(chunk);
    },
    exit(exit) {
      if (ended) return;
      out.flush();
      err.flush();
      ended = exit;
      for (const listener of [...exitListeners]) listener(exit);
      exitListeners.clear();
    },
    process: {
      onStdout: (listener) => out.on(listener),
      onStderr: (listener) => err.on(listener),
      onExit(listener) {
        if (ended) {
          listener(ended);
          return () => undefined;
        }
        exitListeners.add(listener);
        return () => exitListeners.delete(listener);
      },
      kill: () => {
        if (!ended) kill();
      },
    },
  };
}
