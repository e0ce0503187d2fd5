// The guest daemon's view of its VM: is it still ours (the VM exists and its pid is our guest)?
// A guest outlives vmadm; when its VM is deleted, its state directory removed or re-seeded
// (smartos-sim reset), or another guest recorded, it goes away by itself.
import type { SimLayout } from '../state/layout.js';
import { withLock } from '../state/lock.js';
import { markStopped } from '../state/transitions.js';
import { readVm, writeVm } from '../state/vmStore.js';

/** How long vmadm may take to record the guest's pid after the guest reported it. */
const GRACE_MS = 20_000;

export function watchVm(
  layout: SimLayout,
  uuid: string,
  guestPid: number,
  onOrphaned: (why: string) => void,
  intervalMs = 1000,
): () => void {
  const started = Date.now();
  const timer = setInterval(() => {
    let why: string | undefined;
    try {
      const vm = readVm(layout, uuid);
      if (vm === undefined) why = 'the VM is gone';
      else if (vm.pid !== guestPid && Date.now() - started > GRACE_MS)
        why = `the VM's pid is ${JSON.stringify(vm.pid ?? null)}, not this guest's`;
    } catch {
      why = 'the state directory is gone';
    }
    if (why !== undefined) {
      clearInterval(timer);
      onOrphaned(why);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The guest powered itself off: a running VM whose pid is this guest's is now stopped. */
export async function recordPoweroff(layout: SimLayout, uuid: string, guestPid: number): Promise<boolean> {
  try {
    return await withLock(layout.lockFile, () => {
      const vm = readVm(layout, uuid);
      if (vm === undefined || vm.pid !== guestPid || vm.state !== 'running') return false;
      writeVm(layout, markStopped(vm, 0));
      return true;
    });
  } catch {
    return false;
  }
}
