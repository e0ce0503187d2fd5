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
