// `zlogin -C`: the zone's console. bhyve: the guest's first serial port (com1 = /dev/zconsole,
// here the socket <zonepath>/root/dev/zconsole). Other zones: a console login line (prompt,
// password = root_pw or "root", then a shell in the zone). `~.` at the start of a line detaches.
// As zoneadmd does, an installed zone's console can be attached: it stays silent until ~.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { StringDecoder } from 'node:string_decoder';

import { rootPassword } from '../../guest/builtin/builtinGuest.js';
import { LoginLine } from '../../guest/builtin/loginLine.js';
import { guestPaths } from '../../guest/guestPaths.js';
import { jsString, type VmObject } from '../../state/json.js';
import { ensureZoneRoot } from '../../zone/zoneRoot.js';
import { interactiveShell } from '../../zone/zoneShell.js';
import { EscapeDetector } from './escapeDetector.js';
import { rawStdin, type ZloginIo } from './zloginIo.js';

/** A console the terminal is attached to: bytes in, bytes out. */
interface Console {
  write(data: string): void;
  onData(listener: (data: string) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

function socketConsole(path: string): Console {
  const socket = connect(path);
  // UTF-8 text both ways, as the terminal zlogin writes to reads it.
  socket.setEncoding('utf8');
  socket.on('error', () => socket.destroy());
  return {
    write: (data) => socket.write(data, 'utf8'),
    onData: (listener) => socket.on('data', listener),
    onClose: (listener) => socket.on('close', listener),
    close: () => socket.destroy(),
  };
}

function loginConsole(vm: VmObject, io: ZloginIo): Console {
  const zone = ensureZoneRoot(vm);
  const line = new LoginLine({
    hostname: zone.hostname,
    tty: 'console',
    promptWord: 'console login',
    password: rootPassword(vm),
    issue: '',
    shell: () => interactiveShell(zone, { TERM: io.env.TERM ?? 'xterm' }),
    cols: io.stdout.columns ?? 80,
    rows: io.stdout.rows ?? 24,
  });
  const closers: (() => void)[] = [];
  return {
    write: (data) => line.input(data),
    onData: (listener) => {
      line.onOutput(listener);
      line.boot();
    },
    onClose: (listener) => closers.push(listener),
    close: () => line.close(),
  };
}

function silentConsole(): Console {
  return {
    write: () => undefined,
    onData: () => undefined,
    onClose: () => undefined,
    close: () => undefined,
  };
}

function openConsole(vm: VmObject, io: ZloginIo): Console {
  if (vm.zone_state !== 'running') return silentConsole();
  if (vm.brand === 'bhyve') {
    const path = guestPaths(jsString(vm.zonepath), 'bhyve').serial;
    return existsSync(path) ? socketConsole(path) : silentConsole();
  }
  return loginConsole(vm, io);
}

export async function consoleLogin(
  zonename: string,
  vm: VmObject,
  io: ZloginIo,
  opts: { quiet: boolean; cmdchar: string },
): Promise<number> {
  if (!opts.quiet) io.stdout.write(`[Connected to zone '${zonename}' console]\n`);
  const restore = rawStdin(io);
  const escape = new EscapeDetector(opts.cmdchar);
  const console = openConsole(vm, io);
  await new Promise<void>((resolve) => {
    console.onData((data) => io.stdout.write(data));
    console.onClose(resolve);
    const typed = new StringDecoder('utf8');
    io.stdin.on('data', (chunk: Buffer | string) => {
      const { forward, disconnect } = escape.feed(typeof chunk === 'string' ? chunk : typed.write(chunk));
      if (forward !== '') console.write(forward);
      if (disconnect) resolve();
    });
    io.stdin.on('end', resolve);
    io.stdin.resume();
  });
  console.close();
  restore();
  io.stdin.pause();
  if (!opts.quiet) io.stdout.write(`\n[Connection to zone '${zonename}' console closed]\n`);
  return 0;
}
