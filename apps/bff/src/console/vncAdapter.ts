import type { ConsoleAdapter } from './consoleSource.js';
import { socketSource } from './consoleSource.js';

/** VNC: raw RFB bytes to and from the guest's VNC socket (`<zonepath>/root/tmp/vm.vnc`). */
export const vncAdapter: ConsoleAdapter = {
  kind: 'vnc',
  flow: 'buffered',
  async open({ transport, endpoints, buffers }) {
    if (!endpoints.vnc) throw new Error(`a ${endpoints.brand} zone has no VNC console`);
    return socketSource(transport, endpoints.vnc, buffers);
  },
};
