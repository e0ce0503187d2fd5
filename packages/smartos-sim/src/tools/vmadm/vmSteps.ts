// One step of a VM's life: read, change and write its object under the state lock. Long
// operations are a series of steps with (scaled) pauses between them, the lock released,
// so that concurrent `vmadm list` / `vmadm events` see every intermediate state.
import type { VmObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import { readVm, writeVm } from '../../state/vmStore.js';

/** Applies `change` to the VM (undefined result = leave as is); undefined if it is gone. */
export async function stepVm(
  layout: SimLayout,
  uuid: string,
  change: (vm: VmObject) => VmObject | undefined,
): Promise<VmObject | undefined> {
  return withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return undefined;
    const next = change(vm);
    if (next === undefined || next === vm) return vm;
    writeVm(layout, next);
    return next;
  });
}

/** Memory (MiB) the host's running and provisioning VMs claim. */
export function claimedMemory(vms: readonly VmObject[], except?: string): number {
  let sum = 0;
  for (const vm of vms) {
    if (vm.uuid === except) continue;
    const active = vm.zone_state === 'running' || vm.zone_state === 'ready' || vm.state === 'provisioning';
    if (active && typeof vm.max_physical_memory === 'number') sum += vm.max_physical_memory;
  }
  return sum;
}
