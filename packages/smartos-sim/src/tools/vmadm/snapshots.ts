// create-snapshot / rollback-snapshot / delete-snapshot (VM.create_snapshot & co): ZFS
// snapshots `<zfs_filesystem>@vmsnap-<name>` (bhyve: recursive over its disks), listed in the
// VM object's `snapshots` as vmload lists them: {name, size (MiB), created_at}, newest first.
// Not for kvm, nor for zones with delegated datasets.
import { jsString, type JsonObject, type VmObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import { setKey } from '../../state/objectKeys.js';
import { markReady, markShuttingDown } from '../../state/transitions.js';
import { readVm, writeVm } from '../../state/vmStore.js';
import { ZfsError } from '../../state/zfsStore.js';
import type { ToolResult } from '../toolResult.js';
import { bootZone, haltZone } from './power.js';
import { printed } from './printed.js';
import { DELAYS, simDelay } from './timing.js';
import { destroyVmSnapshot, rollbackVm, snapshotVm } from './vmDatasets.js';

const MAX_SNAPNAME_LENGTH = 64;

function validSnapshotName(name: string): boolean {
  return name.length >= 1 && name.length <= MAX_SNAPNAME_LENGTH && !/[^a-zA-Z0-9\-_.:%]/.test(name);
}

function snapshotsOf(vm: VmObject): JsonObject[] {
  return Array.isArray(vm.snapshots)
    ? vm.snapshots.filter((s): s is JsonObject => typeof s === 'object' && s !== null && !Array.isArray(s))
    : [];
}

/** Why this VM cannot have snapshots (VM.js's checks, in its order), if it cannot. */
function unsupported(vm: VmObject, checkDatasets: boolean): string | undefined {
  if (vm.brand === 'kvm') return `snapshots for ${jsString(vm.brand)} VMs currently unsupported`;
  if (checkDatasets && Array.isArray(vm.datasets) && vm.datasets.length > 0)
    return 'Cannot currently snapshot zones that have datasets';
  if (typeof vm.zfs_filesystem !== 'string') return 'vmobj missing zfs_filesystem, cannot create snapshot';
  return undefined;
}

function withSnapshots(vm: VmObject, snaps: JsonObject[]): VmObject {
  return setKey(vm, 'snapshots', snaps, ['zpool']);
}

/**
 * The VM `uuid` (read under the lock) and its snapshots, or vmadm's refusal: no such VM, or one
 * that cannot have snapshots.
 */
function snapshotTarget(
  layout: SimLayout,
  uuid: string,
  checkDatasets: boolean,
): { vm: VmObject; snaps: JsonObject[] } | ToolResult {
  const vm = readVm(layout, uuid);
  if (vm === undefined) return printed(`VM ${uuid} not found`);
  const why = unsupported(vm, checkDatasets);
  if (why !== undefined) return printed(why);
  return { vm, snaps: snapshotsOf(vm) };
}

/** Runs a ZFS step: undefined when it worked, vmadm's message when ZFS refused it. */
function zfsStep(step: () => void): ToolResult | undefined {
  try {
    step();
    return undefined;
  } catch (err) {
    if (err instanceof ZfsError) return printed(err.message);
    throw err;
  }
}

export async function vmadmCreateSnapshot(
  layout: SimLayout,
  uuid: string,
  snapname: string,
  env: NodeJS.ProcessEnv,
): Promise<ToolResult> {
  if (!validSnapshotName(snapname)) return printed('Invalid snapshot name');
  await simDelay(env, DELAYS.snapshot);
  return withLock(layout.lockFile, () => {
    const target = snapshotTarget(layout, uuid, true);
    if (!('vm' in target)) return target;
    const { vm, snaps } = target;
    if (snaps.some((s) => s.name === snapname))
      return printed(`snapshot with name "${snapname}" already exists.`);
    const refused = zfsStep(() => snapshotVm(layout, vm, snapname));
    if (refused) return refused;
    const entry: JsonObject = { name: snapname, size: 0, created_at: new Date().toISOString() };
    writeVm(layout, withSnapshots(vm, [entry, ...snaps]));
    return printed(`Created snapshot ${snapname} for VM ${uuid}`, 0);
  });
}

export async function vmadmDeleteSnapshot(
  layout: SimLayout,
  uuid: string,
  snapname: string,
  env: NodeJS.ProcessEnv,
): Promise<ToolResult> {
  if (!validSnapshotName(snapname)) return printed('Invalid snapshot name');
  await simDelay(env, DELAYS.snapshot);
  return withLock(layout.lockFile, () => {
    const target = snapshotTarget(layout, uuid, false);
    if (!('vm' in target)) return target;
    const { vm, snaps } = target;
    if (!snaps.some((s) => s.name === snapname))
      return printed(`No snapshot named "${snapname}" for ${uuid}`);
    const refused = zfsStep(() => destroyVmSnapshot(layout, vm, snapname));
    if (refused) return refused;
    writeVm(
      layout,
      withSnapshots(
        vm,
        snaps.filter((s) => s.name !== snapname),
      ),
    );
    return printed(`Deleted snapshot ${snapname} for VM ${uuid}`, 0);
  });
}

/** Halts the VM (forced) if it is up, rolls back (newer snapshots go), boots it again. */
export async function vmadmRollbackSnapshot(
  layout: SimLayout,
  uuid: string,
  snapname: string,
  env: NodeJS.ProcessEnv,
): Promise<ToolResult> {
  if (!validSnapshotName(snapname)) return printed('Invalid snapshot name');
  const first = await withLock(layout.lockFile, () => {
    const target = snapshotTarget(layout, uuid, false);
    if (!('vm' in target)) return target;
    const { vm, snaps } = target;
    if (!snaps.some((s) => s.name === snapname))
      return printed(`No snapshot named "${snapname}" for ${uuid}`);
    if (vm.state === 'stopped') return 'stopped' as const;
    writeVm(layout, markShuttingDown(vm));
    return 'halt' as const;
  });
  if (typeof first === 'object') return first;
  if (first === 'halt' && !(await haltZone(layout, uuid, env, true))) return printed(`VM ${uuid} not found`);
  await simDelay(env, DELAYS.snapshot);
  const rolled = await withLock(layout.lockFile, () => {
    const vm = readVm(layout, uuid);
    if (vm === undefined) return printed(`VM ${uuid} not found`);
    const refused = zfsStep(() => rollbackVm(layout, vm, snapname));
    if (refused) return refused;
    // newest first: everything before the target is newer than it
    const snaps = snapshotsOf(vm);
    const idx = snaps.findIndex((s) => s.name === snapname);
    writeVm(layout, withSnapshots(markReady(vm), snaps.slice(idx)));
    return undefined;
  });
  if (rolled) return rolled;
  if (!(await bootZone(layout, uuid, env))) return printed(`VM ${uuid} not found`);
  return printed(`Rolled back snapshot ${snapname} for VM ${uuid}`, 0);
}
