import type { ConsoleAdapter } from './consoleSource.js';
import { ptySource } from './consoleSource.js';

/** Shell: `zlogin <uuid>` on a PTY; resize messages resize it, closing the socket hangs it up. */
export const shellAdapter: ConsoleAdapter = {
  kind: 'shell',
  flow: 'ack',
  async open({ transport, endpoints, cols, rows }) {
    return ptySource(await transport.spawnPty({ argv: endpoints.shell, cols, rows }), 'zlogin');
  },
};
