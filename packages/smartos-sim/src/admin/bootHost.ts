// `smartos-sim boot`: what the host does for its VMs when it boots: every running kvm/bhyve VM
// whose guest process is gone (the machine restarted, the guest was killed) gets its guest again
// and its pid recorded. Idempotent and quick: VMs with a live guest are left alone, and the
// guests are only started, not waited for.
import { hasLiveGuest, startGuestWithin } from '../guest/guestLaunch.js';
import { isHvmBrand } from '../guest/guestPaths.js';
import { jsString } from '../state/json.js';
import type { SimLayout } from '../state/layout.js';
import { setKey } from '../state/objectKeys.js';
import { readAllVms } from '../state/vmStore.js';
import { ToolOutput, type ToolResult } from '../tools/toolResult.js';
import { stepVm } from '../tools/vmadm/vmSteps.js';

export async function bootHost(layout: SimLayout, env: NodeJS.ProcessEnv): Promise<ToolResult> {
  const out = new ToolOutput();
  const vms = readAllVms(layout);
  let live = vms.filter((vm) => hasLiveGuest(vm)).length;
  let started = 0;
  const needGuest = vms.filter(
    (vm) => isHvmBrand(vm.brand) && vm.zone_state === 'running' && !hasLiveGuest(vm),
  );
  // one at a time: the host's guest limit counts the guests started before (read once, not per
  // VM: the large profile has hundreds of running guests to go through)
  for (const vm of needGuest) {
    const uuid = jsString(vm.uuid);
    const pid = await startGuestWithin(layout, vm, env, live);
    if (pid !== undefined) {
      live += 1;
      started += 1;
    }
    if (pid === undefined) {
      out.log(`${uuid}: no guest (see ${jsString(vm.zonepath)}/root/tmp/vm.log)`);
      continue;
    }
    const recorded = await stepVm(layout, uuid, (v) =>
      v.zone_state === 'running' ? setKey(v, 'pid', pid, ['boot_timestamp']) : undefined,
    );
    out.log(`${uuid}: guest started, pid ${recorded?.pid === pid ? pid : 'not recorded (the VM changed)'}`);
  }
  out.log(`${started} guest${started === 1 ? '' : 's'} started`);
  return out.result(0);
}
