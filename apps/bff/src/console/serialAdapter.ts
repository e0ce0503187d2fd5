import type { ConsoleAdapter } from './consoleSource.js';
import { ptySource, socketSource } from './consoleSource.js';

/**
 * Serial: the guest's first serial port. KVM: its socket (`<zonepath>/root/tmp/vm.console`);
 * bhyve: the zone console (`zlogin -C <uuid>`) on a PTY.
 */
export const serialAdapter: ConsoleAdapter = {
  kind: 'serial',
  flow: 'ack',
  async open({ transport, endpoints, buffers, cols, rows }) {
    if (endpoints.serial) return socketSource(transport, endpoints.serial, buffers);
    if (endpoints.brand !== 'bhyve') throw new Error(`a ${endpoints.brand} zone has no serial console`);
    return ptySource(
      await transport.spawnPty({ argv: endpoints.zoneConsole, cols, rows }),
      'the zone console',
    );
  },
};
