// Interactive zlogin (stdin is a terminal): a new pty with a login shell in the zone,
// `[Connected to zone '<zone>' pts/N]` on stdout, the terminal in raw mode relayed both ways
// (window size changes follow), `~.` disconnects, and `[Connection to zone '<zone>' pts/N closed]`
// on stderr at the end.
import { StringDecoder } from 'node:string_decoder';

import { spawn as spawnPty } from 'node-pty';

import type { ZoneRoot } from '../../zone/zoneRoot.js';
import { interactiveShell } from '../../zone/zoneShell.js';
import { EscapeDetector } from './escapeDetector.js';
import { rawStdin, type ZloginIo } from './zloginIo.js';

function ptsShortName(pty: object): string {
  const name = 'ptsName' in pty && typeof pty.ptsName === 'string' ? pty.ptsName : '/dev/pts/0';
  return name.startsWith('/dev/') ? name.slice('/dev/'.length) : name;
}

export async function interactiveLogin(
  zonename: string,
  zone: ZoneRoot,
  io: ZloginIo,
  opts: { quiet: boolean; cmdchar: string },
): Promise<number> {
  const cmd = interactiveShell(zone, { TERM: io.env.TERM ?? 'xterm' });
  const pty = spawnPty(cmd.file, cmd.args, {
    name: cmd.env.TERM ?? 'xterm',
    cols: io.stdout.columns ?? 80,
    rows: io.stdout.rows ?? 24,
    cwd: cmd.cwd,
    env: cmd.env,
    // zlogin relays the zone terminal's bytes as they are, UTF-8 or not.
    encoding: null,
  });
  const pts = ptsShortName(pty);
  if (!opts.quiet) io.stdout.write(`[Connected to zone '${zonename}' ${pts}]\n`);
  const restore = rawStdin(io);
  const escape = new EscapeDetector(opts.cmdchar);
  const done = new Promise<void>((resolve) => {
    pty.onExit(() => resolve());
    // A character typed in two reads is joined before it is forwarded.
    const typed = new StringDecoder('utf8');
    io.stdin.on('data', (chunk: Buffer | string) => {
      const { forward, disconnect } = escape.feed(typeof chunk === 'string' ? chunk : typed.write(chunk));
      if (forward !== '') pty.write(forward);
      if (disconnect) {
        pty.kill('SIGHUP');
        resolve();
      }
    });
    io.stdin.on('end', () => {
      pty.kill('SIGHUP');
      resolve();
    });
  });
  // With `encoding: null` node-pty hands over Buffers; its typings still say string.
  pty.onData((data: string | Buffer) => io.stdout.write(data));
  const offResize = io.onResize?.(() => pty.resize(io.stdout.columns ?? 80, io.stdout.rows ?? 24));
  io.stdin.resume();
  await done;
  offResize?.();
  restore();
  io.stdin.pause();
  if (!opts.quiet) io.stderr.write(`\n[Connection to zone '${zonename}' ${pts} closed]\n`);
  return 0;
}
