// `vmadm update <uuid> [-f file]` or `vmadm update <uuid> k=v ...` (VM.update): the payload
// normalized and validated as for create (action update: properties that cannot be updated
// are dropped), then applied: plain properties set, set_*/remove_* merged into tags,
// customer_metadata, internal_metadata and routes, add_/update_/remove_ nics (keyed by mac)
// and disks (keyed by path).
import { isJsonObject, jsString, type JsonObject, type JsonValue, type VmObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { withLock } from '../../state/lock.js';
import { removeKeys } from '../../state/objectKeys.js';
import { readVm, writeVm } from '../../state/vmStore.js';
import { ZfsError } from '../../state/zfsStore.js';
import type { ToolResult } from '../toolResult.js';
import { parseKeyEqualsValue, type ParsedArgs } from './args.js';
import { BRAND_FEATURES, isHvm } from './brandFeatures.js';
import { buildDisk, buildNic } from './buildVm.js';
import type { VmadmContext } from './context.js';
import { validateContext } from './create.js';
import { placeKey } from './keyOrder.js';
import { normalizePayload, PayloadError } from './normalizePayload.js';
import { payloadFilename, readPayload, refuseTty } from './payloadInput.js';
import { isBrand, PAYLOAD_PROPERTIES } from './payloadProps.js';
import { NOT_FOUND_404, printed } from './printed.js';
import { addVmDisk, removeVmDisk, setVmQuota } from './vmDatasets.js';

const MAPS = ['tags', 'customer_metadata', 'internal_metadata', 'routes'];

function objects(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
}

function fixBoolean(value: JsonValue): JsonValue {
  if (value === 'true' || value === 1 || value === '1') return true;
  if (value === 'false' || value === 0 || value === '0') return false;
  return value;
}

/** checkPayloadProperties() for update: what the VM's state and memory rules forbid. */
function checkUpdate(vm: VmObject, p: JsonObject): string | undefined {
  const stoppedish = vm.state === 'stopped' || (vm.state === 'provisioning' && vm.zone_state === 'installed');
  if ((Object.hasOwn(p, 'add_disks') || Object.hasOwn(p, 'remove_disks')) && !stoppedish)
    return `updates to disks are only allowed when state is "stopped", currently: ${jsString(vm.state)} (${jsString(vm.zone_state)})`;
  if (Object.hasOwn(p, 'update_disks') && !stoppedish) {
    const liveOk = objects(p.update_disks).every((d) =>
      Object.keys(d).every((k) => ['compression', 'path', 'refreservation'].includes(k)),
    );
    if (!liveOk)
      return `at least one specified update to disks is only allowed when state is "stopped", currently: ${jsString(vm.state)} (${jsString(vm.zone_state)})`;
  }
  const brand = vm.brand;
  if (isBrand(brand) && BRAND_FEATURES[brand].minMemoryOverhead !== undefined) {
    const ram = Number(Object.hasOwn(p, 'ram') ? p.ram : vm.ram);
    for (const key of ['max_physical_memory', 'max_locked_memory', 'max_swap']) {
      if (Object.hasOwn(p, key) && Number(p[key]) < ram)
        return `vm.${key} (${jsString(p[key])}) cannot be lower than vm.ram (${ram})`;
    }
  }
  return undefined;
}

function withPrimary(nics: JsonObject[], primaryMac: string | undefined): JsonObject[] {
  if (primaryMac === undefined) return nics;
  return nics.map((n) => (n.mac === primaryMac ? { ...n, primary: true } : removeKeys(n, ['primary'])));
}

function applyNics(vm: VmObject, p: JsonObject): VmObject {
  let nics = objects(vm.nics);
  let primaryMac: string | undefined;
  const hvm = isHvm(jsString(vm.brand));
  const prefix = isBrand(vm.brand) ? BRAND_FEATURES[vm.brand].interfacePrefix : 'net';
  for (const nic of objects(p.add_nics)) {
    let index = 0;
    while (nics.some((n) => n.interface === `${prefix}${index}`)) index += 1;
    const built = buildNic(nic, `${prefix}${index}`, hvm, vm.nic_driver);
    if (built.primary === true) primaryMac = jsString(built.mac);
    nics = [...nics, built];
  }
  for (const change of objects(p.update_nics)) {
    nics = nics.map((n) => {
      if (n.mac !== change.mac) return n;
      if (change.primary === true) primaryMac = jsString(n.mac);
      // A new address in either form (`ip`/`netmask` or `ips`) replaces the old one in both,
      // as vmadm keeps them in step; the same for `gateway`/`gateways`.
      const base: JsonObject = { ...n };
      if ('ip' in change || 'ips' in change) for (const k of ['ip', 'ips', 'netmask']) delete base[k];
      if ('gateway' in change || 'gateways' in change)
        for (const k of ['gateway', 'gateways']) delete base[k];
      return buildNic({ ...base, ...change }, jsString(n.interface), hvm, vm.nic_driver);
    });
  }
  const removed = strings(p.remove_nics);
  nics = nics.filter((n) => !removed.includes(jsString(n.mac)));
  nics = withPrimary(nics, primaryMac);
  if (nics.length > 0 && !nics.some((n) => n.primary === true))
    nics = withPrimary(nics, jsString(nics[0]?.mac));
  return placeKey(vm, 'nics', nics);
}

function applyDisks(layout: SimLayout, vm: VmObject, p: JsonObject): VmObject {
  let disks = objects(vm.disks);
  for (const disk of objects(p.add_disks)) {
    let index = 0;
    const brand = jsString(vm.brand);
    const taken = (i: number): boolean => disks.some((d) => jsString(d.zfs_filesystem).endsWith(`disk${i}`));
    while (taken(index)) index += 1;
    const built = buildDisk(disk, brand, jsString(vm.uuid), index, vm.disk_driver);
    if (built.media === 'disk') addVmDisk(layout, built);
    disks = [...disks, built];
  }
  for (const change of objects(p.update_disks))
    disks = disks.map((d) => (d.path === change.path ? { ...d, ...change } : d));
  const removed = strings(p.remove_disks);
  for (const d of disks.filter((x) => removed.includes(jsString(x.path)))) removeVmDisk(layout, d);
  disks = disks.filter((d) => !removed.includes(jsString(d.path)));
  return placeKey(vm, 'disks', disks);
}

/** The VM after the (normalized) update payload. */
function applyUpdate(layout: SimLayout, vm: VmObject, p: JsonObject): VmObject {
  let out = vm;
  for (const [key, value] of Object.entries(p)) {
    const target = /^(set|remove)_(.*)$/.exec(key);
    if (target && MAPS.includes(target[2] ?? '')) {
      const name = target[2] ?? '';
      const current = isJsonObject(out[name]) ? out[name] : {};
      const next: JsonObject =
        target[1] === 'set' && isJsonObject(value)
          ? { ...current, ...value }
          : removeKeys(current, strings(value));
      out = placeKey(out, name, next);
      continue;
    }
    if (/^(add|update|remove)_(nics|disks)$/.test(key)) continue;
    const spec = PAYLOAD_PROPERTIES.get(key);
    if (spec?.type === 'integer' && value === null) {
      out = spec.keepZero ? placeKey(out, key, 0) : removeKeys(out, [key]);
      continue;
    }
    if (spec?.type === 'boolean') out = placeKey(out, key, fixBoolean(value));
    else if (key === 'limit_priv') out = placeKey(out, key, strings(value).join(','));
    else out = placeKey(out, key, value);
    if (key === 'quota') setVmQuota(layout, out, Number(value));
  }
  if (['add_nics', 'update_nics', 'remove_nics'].some((k) => Object.hasOwn(p, k))) out = applyNics(out, p);
  if (['add_disks', 'update_disks', 'remove_disks'].some((k) => Object.hasOwn(p, k)))
    out = applyDisks(layout, out, p);
  return placeKey(out, 'last_modified', new Date().toISOString());
}

async function updatePayload(parsed: ParsedArgs, ctx: VmadmContext): Promise<unknown> {
  const pairs = parseKeyEqualsValue(parsed.remain);
  if (pairs.size > 0) return Object.fromEntries(pairs);
  const filename = payloadFilename(parsed);
  refuseTty(filename, ctx, 'Will not update from stdin when stdin is a tty.');
  return readPayload(filename, ctx);
}

export async function vmadmUpdate(uuid: string, parsed: ParsedArgs, ctx: VmadmContext): Promise<ToolResult> {
  const layout = ctx.layout();
  try {
    const payload = await updatePayload(parsed, ctx);
    return await withLock(layout.lockFile, () => {
      const vm = readVm(layout, uuid);
      if (vm === undefined) return printed(NOT_FOUND_404);
      const input = isJsonObject(payload) ? payload : {};
      const normalized = normalizePayload(input, vm, validateContext(layout));
      const refused = checkUpdate(vm, normalized);
      if (refused !== undefined) return printed(refused);
      writeVm(layout, applyUpdate(layout, vm, normalized));
      return printed(`Successfully updated VM ${uuid}`, 0);
    });
  } catch (err) {
    if (err instanceof PayloadError || err instanceof ZfsError) return printed(err.message);
    throw err;
  }
}
