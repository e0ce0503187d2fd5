// The QEMU guest: qemu-system-x86_64 booting the image of scripts/build-guest-image.sh, its
// consoles on the zone's sockets. Ready (for vmadm) once QEMU listens on them, long before the
// guest has booted, as on SmartOS.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

import type { VmObject } from '../state/json.js';
import { zoneHostname } from '../zone/zoneRoot.js';
import { rootPassword } from './builtin/builtinGuest.js';
import type { GuestImage } from './guestKind.js';
import { guestSockets, type GuestPaths } from './guestPaths.js';
import { qemuArgs } from './qemuArgs.js';

export interface QemuGuest {
  child: ChildProcess;
  pid: number;
  /** resolves with QEMU's exit code (null: killed by a signal) */
  exited: Promise<number | null>;
}

export async function startQemuGuest(
  qemu: string,
  image: GuestImage,
  vm: VmObject,
  paths: GuestPaths,
  log: (line: string) => void,
): Promise<QemuGuest> {
  for (const socket of guestSockets(paths)) rmSync(socket, { force: true });
  const args = qemuArgs({ image, paths, hostname: zoneHostname(vm), rootPassword: rootPassword(vm) });
  log(`${qemu} ${args.join(' ')}`);
  const child = spawn(qemu, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', (err) => {
      log(`qemu: ${err.message}`);
      resolve(127);
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`cannot run ${qemu}`);
  const started = Date.now();
  let gone = false;
  void exited.then(() => (gone = true));
  while (!guestSockets(paths).every((s) => existsSync(s))) {
    if (gone) throw new Error(`${qemu} exited before it opened the console sockets (see vm.log)`);
    if (Date.now() - started > 10_000) throw new Error(`${qemu} did not open the console sockets in 10 s`);
    await sleep(20);
  }
  return { child, pid, exited };
}
