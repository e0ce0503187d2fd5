// `vmadm delete <uuid>` (VM.delete): halt the zone if it runs, destroy its datasets
// (snapshots included), uninstall and remove it, zonepath directory and all.
import { rmSync } from 'node:fs';

import type { SimLayout } from '../../state/layout.js';
import { vmFile, zonepathOf } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import { markShuttingDown } from '../../state/transitions.js';
import { readVm, writeVm } from '../../state/vmStore.js';
import { ZfsError } from '../../state/zfsStore.js';
import type { ToolResult } from '../toolResult.js';
import { haltZone } from './power.js';
import { NOT_FOUND_404, printed } from './printed.js';
import { DELAYS, simDelay } from './timing.js';
import { destroyVmDatasets } from './vmDatasets.js';

export async function vmadmDelete(
  layout: SimLayout,
  uuid: string,
  env: NodeJS.ProcessEnv,
): Promise<ToolResult> {
  const fail = (why: string): ToolResult => printed(`Failed to delete VM ${uuid}: ${why}`, 1);
  const first = await withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return fail(NOT_FOUND_404);
    if (vm.indestructible_zoneroot === true) return fail('indestructible_zoneroot is set, cannot delete');
    if (vm.indestructible_delegated === true) return fail('indestructible_delegated is set, cannot delete');
    if (vm.zone_state === 'running' || vm.zone_state === 'ready') {
      writeVm(layout, markShuttingDown(vm));
      return 'halt' as const;
    }
    return undefined;
  });
  if (typeof first === 'object') return first;
  if (first === 'halt' && !(await haltZone(layout, uuid, env, true))) return fail(NOT_FOUND_404);
  await simDelay(env, DELAYS.destroy);
  const result = await withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return fail(NOT_FOUND_404);
    try {
      destroyVmDatasets(layout, vm);
    } catch (err) {
      if (err instanceof ZfsError) return fail(err.message);
      throw err;
    }
    rmSync(vmFile(layout, uuid), { force: true });
    rmSync(zonepathOf(layout, uuid), { recursive: true, force: true });
    return undefined;
  });
  return result ?? printed(`Successfully deleted VM ${uuid}`, 0);
}
