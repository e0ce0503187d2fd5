// start / stop / reboot (VM.start, VM.stop, VM.reboot): the command returns when the zone
// has reached its end state, and the states in between are written as they happen.
import { startGuestFor, stopGuest } from '../../guest/guestLaunch.js';
import { allocateZoneIdAndPid } from '../../state/hostStore.js';
import { jsString } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import {
  markAutobootOff,
  markHaltedKeepingState,
  markReady,
  markRunning,
  markShuttingDown,
  markStopped,
  markStopping,
  markZoneDown,
} from '../../state/transitions.js';
import { readVm, writeVm } from '../../state/vmStore.js';
import type { ToolResult } from '../toolResult.js';
import { parseKeyEqualsValue } from './args.js';
import { NOT_FOUND_404, printed } from './printed.js';
import { DELAYS, simDelay } from './timing.js';
import { usageExit } from './usage.js';
import { stepVm } from './vmSteps.js';

/** vmadm.js parseStartArgs(): only order=, disk= and cdrom= are allowed after the uuid. */
export function checkStartArgs(args: readonly string[]): void {
  const pairs = args.map((arg) => parseKeyEqualsValue([arg]));
  let sawOrder = false;
  for (const pair of pairs) {
    for (const [key, val] of pair) {
      if (key === 'order') {
        if (sawOrder) usageExit("You can only specify 'order' once when starting a VM");
        sawOrder = true;
      } else if (key === 'disk' || key === 'cdrom') {
        const [path, model] = val.split(',');
        if (!path || !model) usageExit(`Parameter to ${key} must be: path,model`);
      } else {
        usageExit(`Invalid argument to start: ${key}`);
      }
    }
  }
}

/** zoneadm boot of an installed zone: ready, then running (kvm/bhyve: with their guest's pid). */
export async function bootZone(layout: SimLayout, uuid: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  await simDelay(env, DELAYS.boot);
  const guestPid = await startGuestFor(layout, uuid, env);
  const booted = await stepVm(layout, uuid, (v) => {
    const ids = allocateZoneIdAndPid(layout);
    return markRunning(v, { zoneid: ids.zoneid, pid: guestPid ?? ids.pid });
  });
  return booted !== undefined;
}

/** A zone going down: (stopping|shutting_down) was written; down, then installed. */
export async function haltZone(
  layout: SimLayout,
  uuid: string,
  env: NodeJS.ProcessEnv,
  force: boolean,
  stayInstalled = true,
): Promise<boolean> {
  await simDelay(env, force ? DELAYS.halt : DELAYS.shutdown);
  const vm = readVm(layout, uuid);
  if (vm !== undefined) await stopGuest(vm);
  if (!(await stepVm(layout, uuid, (v) => markZoneDown(v, force)))) return false;
  await simDelay(env, DELAYS.teardown);
  if (!stayInstalled) return true;
  const down = await stepVm(layout, uuid, (v) =>
    v.state === 'failed' ? markHaltedKeepingState(v, 0) : markStopped(v, 0),
  );
  return down !== undefined;
}

export async function vmadmStart(
  layout: SimLayout,
  uuid: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ToolResult> {
  const early = await withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return printed(`Unable to start VM ${uuid}: ${NOT_FOUND_404}`, 1);
    if (vm.state === 'running') return printed(`VM ${uuid} is already 'running'`, 0);
    if (
      (vm.state !== 'stopped' && vm.state !== 'provisioning') ||
      (vm.state === 'provisioning' && vm.zone_state !== 'installed')
    ) {
      return printed(
        `Unable to start VM ${uuid}: Cannot start vm from state "${jsString(vm.state)}", must be "stopped".`,
        1,
      );
    }
    writeVm(layout, markReady(vm));
    return undefined;
  });
  if (early) return early;
  if (!(await bootZone(layout, uuid, env))) return printed(`Unable to start VM ${uuid}: ${NOT_FOUND_404}`, 1);
  return printed(`Successfully started VM ${uuid}`, 0);
}

/** VM.stop: the 'stopping' transition (or, forced, a plain halt) down to stopped. */
export async function stopVm(
  layout: SimLayout,
  uuid: string,
  force: boolean,
  env: NodeJS.ProcessEnv,
): Promise<ToolResult | undefined> {
  const early = await withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return printed(force ? NOT_FOUND_404 : `VM ${uuid} not found`, 1);
    // VM.stop / halt set autoboot=false before looking at the state
    const noAutoboot = markAutobootOff(vm);
    const zoneUp = vm.zone_state === 'running';
    if (vm.state !== 'running' && !(force && zoneUp)) {
      if (noAutoboot !== vm) writeVm(layout, noAutoboot);
      return printed(`VM ${uuid} is already not 'running' (currently: ${jsString(vm.state)})`, 0);
    }
    writeVm(layout, force ? markShuttingDown(noAutoboot) : markStopping(noAutoboot));
    return undefined;
  });
  if (early) return early;
  if (!(await haltZone(layout, uuid, env, force))) return printed(`VM ${uuid} not found`, 1);
  return undefined;
}

export async function vmadmStop(
  layout: SimLayout,
  uuid: string,
  force: boolean,
  env: NodeJS.ProcessEnv = {},
): Promise<ToolResult> {
  return (await stopVm(layout, uuid, force, env)) ?? printed(`Successfully completed stop for VM ${uuid}`, 0);
}

export async function vmadmReboot(
  layout: SimLayout,
  uuid: string,
  force = false,
  env: NodeJS.ProcessEnv = {},
): Promise<ToolResult> {
  const early = await withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return printed(NOT_FOUND_404, 1);
    if (vm.state !== 'running')
      return printed(`Cannot reboot vm from state "${jsString(vm.state)}", must be "running"`, 1);
    writeVm(layout, force ? markShuttingDown(vm) : markStopping(vm));
    return undefined;
  });
  if (early) return early;
  const lost = printed(NOT_FOUND_404, 1);
  if (!(await haltZone(layout, uuid, env, force, false))) return lost;
  if (!(await stepVm(layout, uuid, (v) => markReady(v)))) return lost;
  if (!(await bootZone(layout, uuid, env))) return lost;
  return printed(`Successfully completed reboot for VM ${uuid}`, 0);
}
