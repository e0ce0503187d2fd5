// Starting and stopping a VM's guest from vmadm (start/create/reboot, stop/delete/rollback) and
// from `smartos-sim boot`. The guest is a detached daemon (dist/vm-guest.js) that either runs
// QEMU or serves the consoles itself; it reports the pid that goes into the VM's `pid` (QEMU's,
// as on SmartOS, or its own) on a pipe, then lives on after vmadm exits.
import { spawn } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

import { packageDir } from '../packageDir.js';
import { jsString, type VmObject } from '../state/json.js';
import type { SimLayout } from '../state/layout.js';
import { readAllVms, readVm } from '../state/vmStore.js';
import { chooseGuest, GUEST_ENV } from './guestKind.js';
import { guestPaths, guestSockets, isHvmBrand } from './guestPaths.js';
import { isAlive, isGuestProcess } from './guestProcess.js';

export const GUEST_SCRIPT = join(packageDir, 'dist', 'vm-guest.js');
const REPORT_TIMEOUT_MS = 15_000;

export class GuestStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GuestStartError';
  }
}

/** First line the daemon writes on fd 3: `pid <n>` or `error <why>`. */
async function readReport(stream: Readable): Promise<string> {
  let text = '';
  const timer = setTimeout(() => stream.destroy(new Error('no report from the guest')), REPORT_TIMEOUT_MS);
  try {
    for await (const chunk of stream) {
      text += String(chunk);
      if (text.includes('\n')) break;
    }
  } catch (err) {
    return `error ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    clearTimeout(timer);
    stream.destroy();
  }
  return text.split('\n')[0] ?? '';
}

/**
 * Starts the guest of a running kvm/bhyve VM; resolves to the pid for vm.pid, or undefined when
 * this VM gets no guest (not HVM, SMARTOS_SIM_GUEST=none).
 */
export async function startGuest(
  layout: SimLayout,
  vm: VmObject,
  env: NodeJS.ProcessEnv,
): Promise<number | undefined> {
  if (!isHvmBrand(vm.brand)) return undefined;
  const choice = chooseGuest(env);
  if (choice.kind === 'none') return undefined;
  const zonepath = jsString(vm.zonepath);
  const paths = guestPaths(zonepath, vm.brand);
  for (const dir of new Set([dirname(paths.vnc), dirname(paths.serial)])) mkdirSync(dir, { recursive: true });
  const log = openSync(paths.log, 'a');
  const args = [GUEST_SCRIPT, '--root', layout.root, '--uuid', jsString(vm.uuid), '--zonepath', zonepath];
  args.push('--reason', choice.reason);
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', log, log, 'pipe'],
    // the daemon runs the guest chosen here
    env: { ...env, PATH: env.PATH ?? process.env.PATH ?? '/usr/bin:/bin', [GUEST_ENV]: choice.kind },
    cwd: zonepath,
  });
  closeSync(log);
  const report = child.stdio[3] as Readable | null;
  if (report === null) throw new GuestStartError('no report pipe');
  const line = await readReport(report);
  child.unref();
  const pid = /^pid (\d+)$/.exec(line)?.[1];
  if (pid === undefined) throw new GuestStartError(line.replace(/^error /, '') || 'the guest did not start');
  return Number(pid);
}

export const MAX_GUESTS_ENV = 'SMARTOS_SIM_MAX_GUESTS';
const DEFAULT_MAX_GUESTS = 8;

function maxGuests(env: NodeJS.ProcessEnv): number {
  const n = Number(env[MAX_GUESTS_ENV] ?? DEFAULT_MAX_GUESTS);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_MAX_GUESTS;
}

function logLine(vm: VmObject, line: string): void {
  if (!isHvmBrand(vm.brand)) return;
  try {
    appendFileSync(
      guestPaths(jsString(vm.zonepath), vm.brand).log,
      `${new Date().toISOString()} vmadm: ${line}\n`,
    );
  } catch {
    // no zonepath: nothing to log into
  }
}

/**
 * The guest of a VM that is booting (vmadm start/create/reboot, smartos-sim boot): its pid, or
 * undefined when it runs without one (not HVM, SMARTOS_SIM_GUEST=none, the host's limit of
 * SMARTOS_SIM_MAX_GUESTS live guests reached, the guest failed: each written to vm.log).
 */
export async function startGuestFor(
  layout: SimLayout,
  uuid: string,
  env: NodeJS.ProcessEnv,
): Promise<number | undefined> {
  const vm = readVm(layout, uuid);
  if (vm === undefined || !isHvmBrand(vm.brand)) return undefined;
  const live = readAllVms(layout).filter((v) => v.uuid !== uuid && hasLiveGuest(v)).length;
  return startGuestWithin(layout, vm, env, live);
}

/**
 * `startGuestFor` when the caller already knows how many other guests are live: a host booting
 * hundreds of VMs counts them once, not once per VM.
 */
export async function startGuestWithin(
  layout: SimLayout,
  vm: VmObject,
  env: NodeJS.ProcessEnv,
  live: number,
): Promise<number | undefined> {
  if (!isHvmBrand(vm.brand)) return undefined;
  if (live >= maxGuests(env)) {
    logLine(
      vm,
      `no guest started: ${live} guests already run on this host (${MAX_GUESTS_ENV}=${maxGuests(env)})`,
    );
    return undefined;
  }
  try {
    return await startGuest(layout, vm, env);
  } catch (err) {
    logLine(vm, `the guest did not start: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** Stops a VM's guest (TERM, then KILL after `graceMs`) and removes its sockets. */
export async function stopGuest(vm: VmObject, graceMs = 3000): Promise<void> {
  if (!isHvmBrand(vm.brand)) return;
  const zonepath = jsString(vm.zonepath);
  const pid = vm.pid;
  if (isGuestProcess(pid, zonepath)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(20);
    if (isAlive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  }
  for (const socket of guestSockets(guestPaths(zonepath, vm.brand))) rmSync(socket, { force: true });
}

/** Whether the VM's recorded pid is its live guest. */
export function hasLiveGuest(vm: VmObject): boolean {
  return isHvmBrand(vm.brand) && isGuestProcess(vm.pid, jsString(vm.zonepath));
}
