// The zone's root file system as the simulator keeps it: <zonepath>/root, a real directory with
// a minimal tree (etc/hostname, etc/nodename, etc/motd, root's home, tmp) and a bin directory of
// small scripts that answer as the zone's own commands would (hostname, uname, zonename) and keep
// power commands from reaching the host. Written on every login; cheap and idempotent.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { jsString, type VmObject } from '../state/json.js';

export interface ZoneRoot {
  /** <zonepath>/root */
  root: string;
  /** where the zone's commands are: first on the PATH of every shell in the zone */
  binDir: string;
  home: string;
  hostname: string;
}

/** The zone's hostname: its `hostname` property, else alias, else the zonename (uuid). */
export function zoneHostname(vm: VmObject): string {
  for (const key of ['hostname', 'alias'] as const) {
    const v = vm[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return jsString(vm.zonename ?? vm.uuid);
}

/** A value as one single-quoted word of a shell script. */
export function shWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function writeIfChanged(path: string, text: string, mode = 0o644): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileSync(path, text);
  chmodSync(path, mode);
}

/** illumos uname(1): -a prints -snrvmpi and, as the fixture shows, the OS name. */
function unameScript(hostname: string, buildstamp: string): string {
  return `#!/bin/sh
# uname of a SmartOS zone (simulated)
s=SunOS n=${shWord(hostname)} r=5.11 v=${shWord(`joyent_${buildstamp}`)} m=i86pc p=i386 i=i86pc o=Solaris
[ $# -eq 0 ] && { echo "$s"; exit 0; }
out=
for arg in "$@"; do
  case "$arg" in
    -a) echo "$s $n $r $v $m $p $i $o"; exit 0 ;;
    -*) flags=\${arg#-}
        while [ -n "$flags" ]; do
          f=\${flags%"\${flags#?}"}; flags=\${flags#?}
          case "$f" in
            s) out="$out $s" ;; n) out="$out $n" ;; r) out="$out $r" ;; v) out="$out $v" ;;
            m) out="$out $m" ;; p) out="$out $p" ;; i) out="$out $i" ;; o) out="$out $o" ;;
            *) echo "uname: illegal option -- $f" >&2
               echo "usage:	uname [-snrvmapiX]" >&2; exit 2 ;;
          esac
        done ;;
    *) echo "usage:	uname [-snrvmapiX]" >&2; exit 2 ;;
  esac
done
echo "\${out# }"
`;
}

// In the built-in guest (SIM_GUEST_PID set) these power the guest off or reboot it, as in a real
// guest; in a zone's shell they refuse: never the host's own poweroff.
const POWER_SCRIPT = `#!/bin/sh
name=$(basename "$0")
if [ -n "$SIM_GUEST_PID" ]; then
  case "$name" in
    reboot) kill -HUP "$SIM_GUEST_PID" ;;
    init) [ "$1" = 6 ] && kill -HUP "$SIM_GUEST_PID" || kill -USR2 "$SIM_GUEST_PID" ;;
    *) kill -USR2 "$SIM_GUEST_PID" ;;
  esac
  exit 0
fi
echo "$name: not available in this zone; use vmadm stop|reboot <uuid> in the global zone" >&2
exit 1
`;

/** Creates (or refreshes) the zone's root tree; returns where things are. */
export function ensureZoneRoot(vm: VmObject): ZoneRoot {
  const zonepath = jsString(vm.zonepath);
  const root = join(zonepath, 'root');
  const hostname = zoneHostname(vm);
  const binDir = join(root, 'usr', 'sim', 'bin');
  const home = join(root, 'root');
  for (const dir of ['etc', 'root', 'tmp', 'var/tmp', 'usr/sim/bin', 'dev'])
    mkdirSync(join(root, dir), { recursive: true });
  writeIfChanged(join(root, 'etc', 'hostname'), `${hostname}\n`);
  writeIfChanged(join(root, 'etc', 'nodename'), `${hostname}\n`);
  writeIfChanged(
    join(root, 'etc', 'motd'),
    `   __        .                   .\n _|  |_      | .-. .  . .-. :--. |-\n|_    _|     ;|   ||  |(.-' |  | |\n  |__|   \`--'  \`-' \`;-| \`-' '  ' \`-'\n                   /  ;  Instance (${jsString(vm.brand)})\n                   \`-'   ${hostname} (ZoneDeck simulator)\n\n`,
  );
  // no bracketed-paste escapes in the shells' output
  writeIfChanged(join(root, 'etc', 'inputrc'), 'set enable-bracketed-paste off\n');
  writeIfChanged(join(binDir, 'hostname'), `#!/bin/sh\necho ${shWord(hostname)}\n`, 0o755);
  writeIfChanged(
    join(binDir, 'zonename'),
    `#!/bin/sh\necho ${shWord(jsString(vm.zonename ?? vm.uuid))}\n`,
    0o755,
  );
  writeIfChanged(join(binDir, 'uname'), unameScript(hostname, jsString(vm.platform_buildstamp ?? '')), 0o755);
  for (const name of ['halt', 'poweroff', 'reboot', 'shutdown', 'init'])
    writeIfChanged(join(binDir, name), POWER_SCRIPT, 0o755);
  return { root, binDir, home, hostname };
}
