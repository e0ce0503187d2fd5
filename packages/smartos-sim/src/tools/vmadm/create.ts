// `vmadm create [-f file]` (VM.create): validate and normalize the payload, make the VM's
// datasets and zone, then boot it and wait for provisioning to finish. The VM is
// 'provisioning' meanwhile, its zone_state moving installed -> ready -> running; a zone that
// cannot boot (not enough free memory for max_physical_memory) ends 'failed'.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { startGuestFor } from '../../guest/guestLaunch.js';
import { allocateZoneIdAndPid, readHost } from '../../state/hostStore.js';
import { readImage } from '../../state/imageStore.js';
import { isJsonObject, jsString, type VmObject } from '../../state/json.js';
import { zonepathOf, type SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import {
  markFailed,
  markReady,
  markRunningProvisioning,
  markStopped,
  setZoneState,
} from '../../state/transitions.js';
import { readAllVms, readVm, writeVm } from '../../state/vmStore.js';
import { ZfsError } from '../../state/zfsStore.js';
import type { ToolResult } from '../toolResult.js';
import type { ParsedArgs } from './args.js';
import { buildVm } from './buildVm.js';
import { envOf, type VmadmContext } from './context.js';
import { normalizePayload, PayloadError } from './normalizePayload.js';
import { payloadFilename, readPayload, refuseTty } from './payloadInput.js';
import { printed } from './printed.js';
import { DELAYS, simDelay } from './timing.js';
import { isUuid, type ValidateContext } from './validatePayload.js';
import { createVmDatasets, writeFirstBootData, zpoolNames } from './vmDatasets.js';
import { claimedMemory, stepVm } from './vmSteps.js';

/** What VM.validate asks of the host: its pools and installed images. */
export function validateContext(layout: SimLayout): ValidateContext {
  const zpools = zpoolNames(layout);
  return { zpools, image: (uuid) => readImage(layout, uuid) };
}

/** Phase 1, under the lock: check everything, then write the zone and its datasets. */
async function provision(layout: SimLayout, input: unknown): Promise<VmObject> {
  if (!isJsonObject(input)) throw new PayloadError('Invalid JSON payload: payload must be an object');
  return withLock(layout.lockFile, () => {
    const payload = structuredClone(input);
    if (!Object.hasOwn(payload, 'uuid')) payload.uuid = randomUUID();
    const uuid = payload.uuid;
    if (typeof uuid === 'string' && isUuid(uuid) && readVm(layout, uuid) !== undefined)
      throw new PayloadError(`VM with UUID ${uuid} already exists`);
    const normalized = normalizePayload(payload, undefined, validateContext(layout));
    const host = readHost(layout);
    if (normalized.brand === 'bhyve') {
      if (!Object.hasOwn(host, 'Bhyve Capable'))
        throw new PayloadError('sysinfo does not have "Bhyve Capable" property');
      if (host['Bhyve Capable'] !== true) throw new PayloadError('Bhyve not supported');
    }
    const vmUuid = jsString(normalized.uuid);
    const vm = setZoneState(
      buildVm(normalized, {
        serverUuid: jsString(host.UUID ?? ''),
        platformBuildstamp: jsString(host['Live Image'] ?? ''),
        zonepath: zonepathOf(layout, vmUuid),
        now: new Date(),
      }),
      'incomplete',
    );
    createVmDatasets(layout, vm, normalized);
    mkdirSync(join(zonepathOf(layout, vmUuid), 'root', 'tmp'), { recursive: true });
    writeVm(layout, vm);
    return vm;
  });
}

function hostMemoryMiB(layout: SimLayout): number {
  const mem = Number(readHost(layout)['MiB of Memory']);
  return Number.isFinite(mem) ? mem : 0;
}

export async function vmadmCreate(parsed: ParsedArgs, ctx: VmadmContext): Promise<ToolResult> {
  const filename = payloadFilename(parsed);
  refuseTty(filename, ctx, 'Will not create from stdin when stdin is a tty.');
  const layout = ctx.layout();
  const env = envOf(ctx);
  let vm: VmObject;
  try {
    vm = await provision(layout, await readPayload(filename, ctx));
  } catch (err) {
    if (err instanceof PayloadError) return printed(err.message);
    if (err instanceof ZfsError) return printed(err.message);
    throw err;
  }
  const uuid = jsString(vm.uuid);
  const gone = (): ToolResult => printed(`VM ${uuid} was deleted while it was being created`);

  await simDelay(env, DELAYS.install);
  if (!(await stepVm(layout, uuid, (v) => setZoneState(v, 'installed')))) return gone();
  if (vm.autoboot === false) {
    await stepVm(layout, uuid, (v) => markStopped(v, 0));
    return printed(`Successfully created VM ${uuid}`, 0);
  }

  // zoneadm boot: the zone needs its memory cap free on the host
  let shortOf: { want: number; free: number } | undefined;
  const booting = await stepVm(layout, uuid, (v) => {
    const want = typeof v.max_physical_memory === 'number' ? v.max_physical_memory : 0;
    const free = hostMemoryMiB(layout) - claimedMemory(readAllVms(layout), uuid);
    if (want > free) {
      shortOf = { want, free };
      return markFailed(v);
    }
    return markReady(v);
  });
  if (!booting) return gone();
  if (shortOf)
    return printed(
      `Unable to start VM ${uuid}: zone '${uuid}': not enough memory: ${shortOf.want} MiB needed, ${Math.max(0, shortOf.free)} MiB free`,
    );

  await simDelay(env, DELAYS.boot);
  const guestPid = await startGuestFor(layout, uuid, env);
  const running = await stepVm(layout, uuid, (v) => {
    const ids = allocateZoneIdAndPid(layout);
    return markRunningProvisioning(v, { zoneid: ids.zoneid, pid: guestPid ?? ids.pid });
  });
  if (!running) return gone();
  await withLock(layout.lockFile, () => writeFirstBootData(layout, running));

  await simDelay(env, DELAYS.provision);
  const done = await stepVm(layout, uuid, (v) =>
    v.state === 'provisioning' ? setZoneState(v, jsString(v.zone_state), 'running') : v,
  );
  if (!done) return gone();
  if (done.state !== 'running')
    return printed(`timed out waiting for /var/svc/provisioning to move for ${uuid}`);
  return printed(`Successfully created VM ${uuid}`, 0);
}
