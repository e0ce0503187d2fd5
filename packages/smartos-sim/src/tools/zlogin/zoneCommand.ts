// Non-interactive zlogin: `zlogin <zone> cmd args...` runs `su root -c "cmd args..."` in the zone
// (the words joined by blanks, as zlogin's prep_args does: the shell parses them), and with no
// command and stdin not a terminal, a shell reading its commands from stdin. Exit code = the
// command's (128+n for a signal, as the shell reports it).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

import type { ZoneRoot } from '../../zone/zoneRoot.js';
import { commandShell, zoneEnv, zoneShellFile } from '../../zone/zoneShell.js';
import type { ZloginIo } from './zloginIo.js';

export async function runInZone(zone: ZoneRoot, command: readonly string[], io: ZloginIo): Promise<number> {
  const cmd =
    command.length > 0
      ? commandShell(zone, command.join(' '))
      : { file: zoneShellFile(), args: [], env: zoneEnv(zone), cwd: zone.root };
  const child = spawn(cmd.file, cmd.args, { cwd: cmd.cwd, env: cmd.env, stdio: ['pipe', 'pipe', 'pipe'] });
  io.stdin.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  child.stdout.pipe(io.stdout, { end: false });
  child.stderr.pipe(io.stderr, { end: false });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.on('close', (c, s) => resolve([c, s]));
    child.on('error', () => resolve([126, null]));
  });
  io.stdin.unpipe(child.stdin);
  io.stdin.pause();
  if (code !== null) return code;
  return 128 + (signal === null ? 0 : constants.signals[signal]);
}
