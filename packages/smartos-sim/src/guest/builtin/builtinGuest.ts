// The built-in guest: what a kvm/bhyve VM shows when QEMU or its image is missing. One process
// serving the VM's sockets: the VGA text console over RFB on vm.vnc, a login line on the first
// serial port (kvm vm.console, bhyve the zone console) and one on vm.ttyb. Each login gives a real
// shell (node-pty) in the zone's root. `poweroff` in it powers the guest off (SIGUSR2 to this
// process), `reboot` restarts its consoles (SIGHUP).
import type { Server } from 'node:net';

import { jsString, type VmObject } from '../../state/json.js';
import { ensureZoneRoot } from '../../zone/zoneRoot.js';
import { interactiveShell } from '../../zone/zoneShell.js';
import type { GuestPaths } from '../guestPaths.js';
import { LoginLine } from './loginLine.js';
import { serveRfb } from './rfbServer.js';
import { serveSerialPort } from './serialPort.js';
import { COLS, ROWS, TextScreen } from './textScreen.js';

export interface BuiltinGuest {
  /** the screen of the VGA console (tests read its text) */
  screen: TextScreen;
  /** reboots the guest's consoles: new login prompts everywhere */
  reboot(): void;
  close(): Promise<void>;
}

/** The root password: internal_metadata.root_pw as SmartOS images take it, else "root". */
export function rootPassword(vm: VmObject): string {
  const meta = vm.internal_metadata;
  if (meta !== null && typeof meta === 'object' && !Array.isArray(meta) && typeof meta.root_pw === 'string')
    return meta.root_pw;
  return 'root';
}

export async function startBuiltinGuest(vm: VmObject, paths: GuestPaths): Promise<BuiltinGuest> {
  const zone = ensureZoneRoot(vm);
  const password = rootPassword(vm);
  const shell = (): ReturnType<typeof interactiveShell> =>
    interactiveShell(zone, { SIM_GUEST_PID: String(process.pid), TERM: 'vt100' });
  const issue = (tty: string): string =>
    `\nZoneDeck built-in guest ${zone.hostname} (${jsString(vm.brand)}) ${tty}\n`;

  const screen = new TextScreen();
  const lines = ['ttyS0', 'ttyS1', 'tty1'].map(
    (tty) =>
      new LoginLine({
        hostname: zone.hostname,
        tty,
        password,
        issue: issue(tty),
        shell,
        cols: COLS,
        rows: ROWS,
      }),
  );
  const [serial, ttyb, vga] = lines as [LoginLine, LoginLine, LoginLine];
  vga.onOutput((data) => screen.write(data));
  const banner = (): void =>
    screen.write(`\x1b[2J\x1b[H*** ZoneDeck built-in guest ${zone.hostname} ***\r\n`);
  const servers: Server[] = [
    await serveSerialPort(paths.serial, serial),
    await serveSerialPort(paths.ttyb, ttyb),
    await serveRfb(paths.vnc, { screen, name: zone.hostname, type: (bytes) => vga.input(bytes) }),
  ];
  banner();
  for (const line of lines) line.boot();

  return {
    screen,
    reboot(): void {
      banner();
      for (const line of lines) line.restart();
    },
    async close(): Promise<void> {
      for (const line of lines) line.close();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      screen.dispose();
    },
  };
}
