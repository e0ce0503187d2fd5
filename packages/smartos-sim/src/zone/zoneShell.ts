// How a shell runs "in" a zone: a real shell of the host, cwd the zone's root, its PATH led by
// the zone's commands (hostname, uname, ...), a prompt naming the zone's hostname. Not a chroot:
// the simulator's zones are directories, not containers.
import { existsSync } from 'node:fs';

import type { ZoneRoot } from './zoneRoot.js';

export interface ShellCommand {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

const HOST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function zoneShellFile(): string {
  return existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh';
}

/** The environment of a login in the zone (what zlogin's prep_env would give). */
export function zoneEnv(zone: ZoneRoot, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: `${zone.binDir}:${HOST_PATH}`,
    HOME: zone.home,
    LOGNAME: 'root',
    USER: 'root',
    SHELL: zoneShellFile(),
    TERM: extra.TERM ?? 'xterm',
    HOSTNAME: zone.hostname,
    LANG: 'C',
    INPUTRC: `${zone.root}/etc/inputrc`,
    ...extra,
  };
}

/** An interactive login shell with the SmartOS zone prompt `[root@<hostname> <dir>]# `. */
export function interactiveShell(zone: ZoneRoot, extra: Record<string, string> = {}): ShellCommand {
  const file = zoneShellFile();
  const bash = file.endsWith('bash');
  // bash's \h is the host's name: the zone's hostname goes in literally
  const ps1 = bash ? `[root@${zone.hostname} \\W]# ` : `[root@${zone.hostname}]# `;
  return {
    file,
    args: bash ? ['--noprofile', '--norc', '-i'] : ['-i'],
    env: zoneEnv(zone, { PS1: ps1, ...extra }),
    cwd: zone.root,
  };
}

/** `sh -c <command line>`: how zlogin runs a command (su root -c "<args joined by blanks>"). */
export function commandShell(
  zone: ZoneRoot,
  commandLine: string,
  extra: Record<string, string> = {},
): ShellCommand {
  return { file: '/bin/sh', args: ['-c', commandLine], env: zoneEnv(zone, extra), cwd: zone.root };
}
