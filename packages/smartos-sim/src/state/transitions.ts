// How a VM object changes when its zone boots, halts or reboots. Keys are inserted where
// vmload emits them: zoneid after zonepath, exit_* after last_modified, boot_timestamp and
// pid after state; zoneid/pid/boot_timestamp exist only while running, exit_* only when not.
import type { VmObject } from './json.js';
import { removeKeys, setKey } from './objectKeys.js';

export function isoNow(now: Date = new Date()): string {
  return now.toISOString();
}

export function markRunning(
  vm: VmObject,
  ids: { zoneid: number; pid: number },
  now: Date = new Date(),
): VmObject {
  const ts = isoNow(now);
  let out = removeKeys(vm, ['exit_status', 'exit_timestamp']);
  out = setKey(out, 'autoboot', true, ['zonename']);
  out = setKey(out, 'zone_state', 'running', ['uuid']);
  out = setKey(out, 'zoneid', ids.zoneid, ['zonepath', 'zone_state']);
  out = setKey(out, 'last_modified', ts, ['zoneid']);
  out = setKey(out, 'state', 'running', ['platform_buildstamp', 'server_uuid', 'last_modified']);
  out = setKey(out, 'boot_timestamp', ts, ['state']);
  out = setKey(out, 'pid', ids.pid, ['boot_timestamp']);
  return out;
}

export function markStopped(vm: VmObject, exitStatus: number, now: Date = new Date()): VmObject {
  const ts = isoNow(now);
  let out = removeKeys(vm, ['zoneid', 'pid', 'boot_timestamp']);
  out = setKey(out, 'autoboot', false, ['zonename']);
  out = setKey(out, 'zone_state', 'installed', ['uuid']);
  out = setKey(out, 'last_modified', ts, ['zonepath']);
  out = setKey(out, 'exit_status', exitStatus, ['last_modified']);
  out = setKey(out, 'exit_timestamp', ts, ['exit_status']);
  out = setKey(out, 'state', 'stopped', ['platform_buildstamp', 'server_uuid', 'exit_timestamp']);
  return out;
}

/** A zone reboot is a halt and a boot: new zoneid, pid and boot time. */
export function markRebooted(
  vm: VmObject,
  ids: { zoneid: number; pid: number },
  now: Date = new Date(),
): VmObject {
  return markRunning(vm, ids, now);
}

/** `vmadm stop` first sets autoboot=false (zonecfg), whatever the state. */
export function markAutobootOff(vm: VmObject, now: Date = new Date()): VmObject {
  if (vm.autoboot === false) return vm;
  return setKey(setKey(vm, 'autoboot', false), 'last_modified', isoNow(now));
}

// The states a VM passes through between those above, as vminfod reports them (REFERENCE
// 1.9/1.11 and fixtures/vmadm-events*): a stop sets the 'stopping' transition while the zone
// goes shutting_down -> down -> installed; a forced halt has no transition, so state follows
// zone_state; a boot passes through ready; provisioning and failed hide zone_state.

/** Sets zone_state, and state too unless a provisioning/failed/transition state hides it. */
export function setZoneState(vm: VmObject, zoneState: string, state?: string): VmObject {
  let out = setKey(vm, 'zone_state', zoneState, ['uuid']);
  if (state !== undefined)
    out = setKey(out, 'state', state, ['platform_buildstamp', 'server_uuid', 'last_modified']);
  return out;
}

/** `vmadm stop` begins: transition 'stopping', zone shutting down. */
export function markStopping(vm: VmObject): VmObject {
  return setZoneState(vm, 'shutting_down', vm.state === 'failed' ? 'failed' : 'stopping');
}

/** The zone's processes are gone; state keeps its transition (or follows with -F). */
export function markZoneDown(vm: VmObject, stateFollows: boolean): VmObject {
  return setZoneState(vm, 'down', stateFollows && vm.state !== 'failed' ? 'down' : undefined);
}

/** A forced halt begins: no transition, state follows the zone. */
export function markShuttingDown(vm: VmObject): VmObject {
  return setZoneState(vm, 'shutting_down', vm.state === 'failed' ? undefined : 'shutting_down');
}

/** zoneadm boot: the zone is ready (state follows unless provisioning hides it). */
export function markReady(vm: VmObject): VmObject {
  return setZoneState(vm, 'ready', vm.state === 'provisioning' ? undefined : 'ready');
}

/** A halted zone that stays failed (or provisioning): markStopped without the state change. */
export function markHaltedKeepingState(vm: VmObject, exitStatus: number, now: Date = new Date()): VmObject {
  const state = vm.state;
  const out = markStopped(vm, exitStatus, now);
  return typeof state === 'string' ? setKey(out, 'state', state) : out;
}

/** A zone boot while provisioning: running, but state stays 'provisioning'. */
export function markRunningProvisioning(
  vm: VmObject,
  ids: { zoneid: number; pid: number },
  now: Date = new Date(),
): VmObject {
  return setKey(markRunning(vm, ids, now), 'state', 'provisioning');
}

/**
 * VM.js markVMFailure(): the zone gets attr failed="provisioning", is halted, and vmload
 * reports state 'failed' whatever zone_state says.
 */
export function markFailed(vm: VmObject, now: Date = new Date()): VmObject {
  let out = vm.zone_state === 'running' ? markStopped(vm, 1, now) : vm;
  out = setKey(out, 'failed', 'provisioning', ['firewall_enabled', 'last_modified']);
  return setKey(out, 'state', 'failed', ['platform_buildstamp', 'server_uuid', 'last_modified']);
}
