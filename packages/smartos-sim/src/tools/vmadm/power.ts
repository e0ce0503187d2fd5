import { allocateZoneIdAndPid } from '../../state/hostStore.js';
import { jsString } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import { markAutobootOff, markRebooted, markRunning, markStopped } from '../../state/transitions.js';
import { readVm, writeVm } from '../../state/vmStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { parseKeyEqualsValue } from './args.js';
import { usageExit } from './usage.js';

// In the vminfod world VM.load of an unknown uuid fails with the vminfod client's error.
const NOT_FOUND = 'bad statusCode: 404';

function done(message: string, code: number): ToolResult {
  const out = new ToolOutput();
  out.error(message);
  return out.result(code);
}

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

export async function vmadmStart(layout: SimLayout, uuid: string): Promise<ToolResult> {
  return withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return done(`Unable to start VM ${uuid}: ${NOT_FOUND}`, 1);
    if (vm.state === 'running') return done(`VM ${uuid} is already 'running'`, 0);
    if (
      (vm.state !== 'stopped' && vm.state !== 'provisioning') ||
      (vm.state === 'provisioning' && vm.zone_state !== 'installed')
    ) {
      return done(
        `Unable to start VM ${uuid}: Cannot start vm from state "${jsString(vm.state)}", must be "stopped".`,
        1,
      );
    }
    writeVm(layout, markRunning(vm, allocateZoneIdAndPid(layout)));
    return done(`Successfully started VM ${uuid}`, 0);
  });
}

export async function vmadmStop(layout: SimLayout, uuid: string, force: boolean): Promise<ToolResult> {
  return withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return done(force ? NOT_FOUND : `VM ${uuid} not found`, 1);
    // VM.stop / halt set autoboot=false before looking at the state
    const noAutoboot = markAutobootOff(vm);
    if (vm.state !== 'running') {
      if (noAutoboot !== vm) writeVm(layout, noAutoboot);
      return done(`VM ${uuid} is already not 'running' (currently: ${jsString(vm.state)})`, 0);
    }
    writeVm(layout, markStopped(noAutoboot, 0));
    return done(`Successfully completed stop for VM ${uuid}`, 0);
  });
}

export async function vmadmReboot(layout: SimLayout, uuid: string): Promise<ToolResult> {
  return withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return done(NOT_FOUND, 1);
    if (vm.state !== 'running')
      return done(`Cannot reboot vm from state "${jsString(vm.state)}", must be "running"`, 1);
    writeVm(layout, markRebooted(vm, allocateZoneIdAndPid(layout)));
    return done(`Successfully completed reboot for VM ${uuid}`, 0);
  });
}
