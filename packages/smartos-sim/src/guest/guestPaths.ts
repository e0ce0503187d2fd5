// Where a running HVM VM's guest offers its consoles (REFERENCE 1.8), under the real zonepath:
//   kvm:   VNC <zonepath>/root/tmp/vm.vnc, serial <zonepath>/root/tmp/vm.console, second serial vm.ttyb
//   bhyve: VNC <zonepath>/root/tmp/vm.vnc, first serial = the zone console (/dev/zconsole in the
//          zone, here the socket <zonepath>/root/dev/zconsole, reached with `zlogin -C`), second vm.ttyb
// and where it logs: <zonepath>/root/tmp/vm.log, as SmartOS keeps qemu's log.
import { join } from 'node:path';

import type { JsonValue } from '../state/json.js';

export type HvmBrand = 'kvm' | 'bhyve';

export interface GuestPaths {
  vnc: string;
  /** the first serial port: kvm's vm.console, bhyve's zone console */
  serial: string;
  ttyb: string;
  log: string;
}

export function isHvmBrand(brand: JsonValue | undefined): brand is HvmBrand {
  return brand === 'kvm' || brand === 'bhyve';
}

export function guestPaths(zonepath: string, brand: HvmBrand): GuestPaths {
  const tmp = join(zonepath, 'root', 'tmp');
  return {
    vnc: join(tmp, 'vm.vnc'),
    serial: brand === 'bhyve' ? join(zonepath, 'root', 'dev', 'zconsole') : join(tmp, 'vm.console'),
    ttyb: join(tmp, 'vm.ttyb'),
    log: join(tmp, 'vm.log'),
  };
}

/** The unix sockets a guest listens on (removed when it goes away). */
export function guestSockets(paths: GuestPaths): string[] {
  return [paths.vnc, paths.serial, paths.ttyb];
}
