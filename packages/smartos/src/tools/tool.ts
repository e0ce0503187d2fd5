import type { Transport } from '../transport/transport.js';

/** Where a tool runs: the transport, and the command name or path to run it by. */
export interface ToolContext {
  transport: Transport;
  command: string;
}

/** Per-call limits every tool call takes. */
export interface CallOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** What a state-changing command said on success (vmadm writes it to stderr). */
export interface ActionResult {
  message: string;
}
