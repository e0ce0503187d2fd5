import type { ConsoleKind } from '@zonedeck/api/schemas';

import type { ConsoleAdapter } from './consoleSource.js';
import { serialAdapter } from './serialAdapter.js';
import { shellAdapter } from './shellAdapter.js';
import { vncAdapter } from './vncAdapter.js';

/** Every kind of console, one adapter each (cockpit's CHANNEL_TYPES). */
export const CONSOLE_ADAPTERS: readonly ConsoleAdapter[] = [vncAdapter, serialAdapter, shellAdapter];

export function adapterFor(kind: ConsoleKind): ConsoleAdapter {
  const adapter = CONSOLE_ADAPTERS.find((a) => a.kind === kind);
  if (!adapter) throw new Error(`no console adapter for ${kind}`);
  return adapter;
}
