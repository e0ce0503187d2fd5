// dist/vm-guest.js: the daemon behind a running kvm/bhyve VM, started detached by vmadm (see
// guestLaunch.ts) with `--root R --uuid U --zonepath Z`, stdout/stderr appended to vm.log.
// It runs QEMU (and waits on it) or is the built-in guest, reports `pid <n>` (or `error <why>`)
// on fd 3, and exits when the guest powers off, is killed, or its VM is no longer its own.
import { closeSync, rmSync, writeSync } from 'node:fs';

import { jsString } from '../state/json.js';
import { simLayout } from '../state/layout.js';
import { readVm } from '../state/vmStore.js';
import { startBuiltinGuest, type BuiltinGuest } from './builtin/builtinGuest.js';
import { chooseGuest } from './guestKind.js';
import { guestPaths, guestSockets, isHvmBrand } from './guestPaths.js';
import { recordPoweroff, watchVm } from './guestWatch.js';
import { startQemuGuest } from './qemuGuest.js';

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString()} vm-guest[${process.pid}]: ${line}\n`);
}

let reported = false;
function report(line: string): void {
  if (reported) return;
  reported = true;
  try {
    writeSync(3, `${line}\n`);
    closeSync(3);
  } catch {
    // nobody waits for the report (started by hand)
  }
}

function option(argv: readonly string[], name: string): string {
  const at = argv.indexOf(name);
  const value = at >= 0 ? argv[at + 1] : undefined;
  if (value === undefined) throw new Error(`missing ${name}`);
  return value;
}

async function main(argv: readonly string[]): Promise<void> {
  const layout = simLayout(option(argv, '--root'));
  const uuid = option(argv, '--uuid');
  const zonepath = option(argv, '--zonepath');
  const vm = readVm(layout, uuid);
  if (vm === undefined || !isHvmBrand(vm.brand)) throw new Error(`VM ${uuid} is not a kvm or bhyve VM`);
  const paths = guestPaths(zonepath, vm.brand);
  const choice = chooseGuest(process.env);
  const reason = argv.includes('--reason') ? option(argv, '--reason') : choice.reason;
  let finished = false;
  let stopWatch = (): void => undefined;
  const cleanup = (): void => {
    stopWatch();
    for (const socket of guestSockets(paths)) rmSync(socket, { force: true });
  };

  if (choice.kind === 'qemu' && choice.qemu !== undefined && choice.image !== undefined) {
    log(`starting QEMU guest for VM ${uuid} (accel ${choice.image.accel})`);
    const qemu = await startQemuGuest(choice.qemu, choice.image, vm, paths, log);
    const stop = (): void => {
      if (!finished) qemu.child.kill('SIGTERM');
    };
    for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, stop);
    stopWatch = watchVm(layout, uuid, qemu.pid, (why) => {
      log(`stopping: ${why}`);
      stop();
    });
    report(`pid ${qemu.pid}`);
    const code = await qemu.exited;
    finished = true;
    log(`qemu exited (${code === null ? 'killed' : `code ${code}`})`);
    if (code === 0 && (await recordPoweroff(layout, uuid, qemu.pid)))
      log(`guest powered off: VM ${uuid} stopped`);
    cleanup();
    return;
  }

  log(
    `using the BUILT-IN guest for VM ${uuid} (${reason}): VNC and serial consoles are served by the simulator, not by QEMU`,
  );
  const guest: BuiltinGuest = await startBuiltinGuest(vm, paths);
  const shutdown = async (why: string, poweroff: boolean): Promise<void> => {
    if (finished) return;
    finished = true;
    log(why);
    if (poweroff && (await recordPoweroff(layout, uuid, process.pid)))
      log(`guest powered off: VM ${uuid} stopped`);
    await guest.close();
    cleanup();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('stopping: SIGTERM', false));
  process.on('SIGINT', () => void shutdown('stopping: SIGINT', false));
  process.on('SIGUSR2', () => void shutdown('poweroff from the guest', true));
  process.on('SIGHUP', () => {
    log('reboot from the guest');
    guest.reboot();
  });
  stopWatch = watchVm(layout, uuid, process.pid, (why) => void shutdown(`stopping: ${why}`, false));
  report(`pid ${process.pid}`);
  log(`guest ${jsString(vm.alias ?? uuid)} up: ${paths.vnc}, ${paths.serial}, ${paths.ttyb}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  log(`failed: ${message}`);
  report(`error ${message}`);
  process.exitCode = 1;
});
