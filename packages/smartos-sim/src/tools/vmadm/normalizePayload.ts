// normalizePayload() of VM.js for create and update: numbers made numbers, lists made
// arrays, the zone defaults (applyZoneDefaults) and memory rules (fixPayloadMemory) applied,
// then VM.validate(); bad values and missing properties fail with vmadm's messages, bad
// properties are dropped (VM.js only logs them).
import { isJsonObject, type JsonObject, type JsonValue } from '../../state/json.js';
import { BRAND_FEATURES } from './brandFeatures.js';
import { isBrand, PAYLOAD_PROPERTIES, type Action, type Brand } from './payloadProps.js';
import { validatePayload, type ValidateContext } from './validatePayload.js';

const MINIMUM_MAX_SWAP = 256;
const DEFAULT_QUOTA = 10;
const DEFAULT_BHYVE_QUOTA = 1;
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** A payload vmadm refuses: the message it prints (exit 1). */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

function num(value: JsonValue | undefined): number {
  return typeof value === 'number' ? value : Number(value);
}

function has(obj: JsonObject, key: string): boolean {
  return Object.hasOwn(obj, key) && obj[key] !== undefined;
}

/** Integer properties become numbers ('' and null unset them), list strings become arrays. */
function fixTypes(payload: JsonObject): void {
  for (const [prop, value] of Object.entries(payload)) {
    const spec = PAYLOAD_PROPERTIES.get(prop);
    if (spec?.type === 'integer') {
      if (value === '' || value === null) {
        // JSON has no undefined: an unset is carried as null and removed by the caller
        payload[prop] = null;
        continue;
      }
      const n = Number(value);
      if (Number.isNaN(n))
        throw new PayloadError(`Invalid value for ${prop}: ${JSON.stringify(n)}:${typeof n}`);
      payload[prop] = n;
    } else if (spec?.type === 'list' && typeof value === 'string') {
      payload[prop] = value.split(',').filter((e) => e.length > 0);
    }
  }
  if (Object.hasOwn(payload, 'quota') && payload.quota === null) payload.quota = 0;
}

/** fixPayloadMemory(payload, vmobj): derived memory caps, clamps and shm defaults. */
export function fixPayloadMemory(payload: JsonObject, vmobj: JsonObject, brand: Brand): void {
  const features = BRAND_FEATURES[brand];
  if (
    features.defaultMemoryOverhead !== undefined &&
    has(payload, 'ram') &&
    !has(payload, 'max_physical_memory')
  )
    payload.max_physical_memory = num(payload.ram) + features.defaultMemoryOverhead;
  else if (has(payload, 'ram') && !has(payload, 'max_physical_memory'))
    payload.max_physical_memory = payload.ram ?? 0;

  if (has(payload, 'max_physical_memory')) {
    const mpm = num(payload.max_physical_memory);
    if (!has(payload, 'max_locked_memory')) {
      payload.max_locked_memory =
        has(vmobj, 'max_locked_memory') && has(vmobj, 'max_physical_memory')
          ? mpm - (num(vmobj.max_physical_memory) - num(vmobj.max_locked_memory))
          : mpm;
    }
    if (!has(payload, 'max_swap')) {
      let swap = mpm;
      if (has(vmobj, 'max_swap') && has(vmobj, 'max_physical_memory')) {
        const oldSwap = num(vmobj.max_swap);
        swap =
          oldSwap === MINIMUM_MAX_SWAP && mpm >= MINIMUM_MAX_SWAP
            ? mpm
            : mpm + (oldSwap - num(vmobj.max_physical_memory));
      }
      payload.max_swap = Math.max(swap, MINIMUM_MAX_SWAP);
    }
  }

  if (has(payload, 'tmpfs')) {
    if (has(payload, 'max_physical_memory') && num(payload.tmpfs) > num(payload.max_physical_memory))
      payload.tmpfs = payload.max_physical_memory ?? 0;
    else if (has(vmobj, 'max_physical_memory') && num(payload.tmpfs) > num(vmobj.max_physical_memory))
      payload.tmpfs = vmobj.max_physical_memory ?? 0;
  }
  if (has(payload, 'max_physical_memory') && features.useTmpfs && !has(payload, 'tmpfs')) {
    payload.tmpfs =
      has(vmobj, 'max_physical_memory') && has(vmobj, 'tmpfs')
        ? Math.round((num(vmobj.tmpfs) / num(vmobj.max_physical_memory)) * num(payload.max_physical_memory))
        : (payload.max_physical_memory ?? 0);
  }
  if (has(payload, 'max_physical_memory')) {
    if (!has(vmobj, 'max_shm_memory') && !has(payload, 'max_shm_memory'))
      payload.max_shm_memory = payload.max_physical_memory ?? 0;
    for (const key of ['max_msg_ids', 'max_sem_ids', 'max_shm_ids'])
      if (!has(vmobj, key) && !has(payload, key)) payload[key] = 4096;
  }

  const minOverhead = features.minMemoryOverhead;
  if (minOverhead !== undefined) {
    const ram = num(has(payload, 'ram') ? payload.ram : vmobj.ram);
    const maxPhys = num(
      has(payload, 'max_physical_memory') ? payload.max_physical_memory : vmobj.max_physical_memory,
    );
    const maxLocked = num(
      has(payload, 'max_locked_memory') ? payload.max_locked_memory : vmobj.max_locked_memory,
    );
    if (ram + minOverhead > maxPhys) payload.max_physical_memory = ram + minOverhead;
    if (ram + minOverhead > maxLocked) payload.max_locked_memory = ram + minOverhead;
  }

  const physNow = has(payload, 'max_physical_memory')
    ? payload.max_physical_memory
    : vmobj.max_physical_memory;
  if (
    has(payload, 'max_locked_memory') &&
    physNow !== undefined &&
    num(payload.max_locked_memory) > num(physNow)
  )
    payload.max_locked_memory = physNow;
  if (has(payload, 'max_swap') && physNow !== undefined && num(payload.max_swap) < num(physNow))
    payload.max_swap = physNow;
}

/** applyZoneDefaults(): what a create payload gets when it does not say. */
function applyZoneDefaults(payload: JsonObject): void {
  if (!has(payload, 'owner_uuid')) payload.owner_uuid = ZERO_UUID;
  if (!has(payload, 'autoboot')) payload.autoboot = true;
  if (!has(payload, 'brand')) payload.brand = 'joyent';
  if (!has(payload, 'zpool')) payload.zpool = 'zones';
  if (!has(payload, 'dns_domain')) payload.dns_domain = 'local';
  if (!has(payload, 'cpu_shares')) payload.cpu_shares = 100;
  else if (num(payload.cpu_shares) > 65535) payload.cpu_shares = 65535;
  if (!has(payload, 'zfs_io_priority')) payload.zfs_io_priority = 100;
  if (!has(payload, 'max_lwps')) payload.max_lwps = 2000;
  if (!has(payload, 'ram')) payload.ram = 256;

  const brand = payload.brand;
  // VM.js dereferences BRAND_OPTIONS[brand] here; an unknown brand is reported by validate
  if (!isBrand(brand)) return;
  fixPayloadMemory(payload, {}, brand);
  if (PAYLOAD_PROPERTIES.get('vcpus')?.allowed.has(brand) && !has(payload, 'vcpus')) payload.vcpus = 1;
  const features = BRAND_FEATURES[brand];
  if (features.useTmpfs && (!has(payload, 'tmpfs') || num(payload.tmpfs) > num(payload.max_physical_memory)))
    payload.tmpfs = payload.max_physical_memory ?? 0;
  if (!has(payload, 'limit_priv')) payload.limit_priv = features.limitPriv ?? ['default'];
  if (!has(payload, 'quota')) payload.quota = brand === 'bhyve' ? DEFAULT_BHYVE_QUOTA : DEFAULT_QUOTA;
  if (!has(payload, 'billing_id')) payload.billing_id = ZERO_UUID;

  const disks = Array.isArray(payload.add_disks) ? payload.add_disks : payload.disks;
  if (Array.isArray(disks))
    for (const disk of disks) {
      if (!isJsonObject(disk)) continue;
      if (!has(disk, 'model') && has(payload, 'disk_driver')) disk.model = payload.disk_driver ?? null;
      if (!has(disk, 'media')) disk.media = 'disk';
    }
  const nics = Array.isArray(payload.add_nics) ? payload.add_nics : payload.nics;
  if (Array.isArray(nics))
    for (const nic of nics)
      if (isJsonObject(nic) && !has(nic, 'model') && has(payload, 'nic_driver'))
        nic.model = payload.nic_driver ?? null;
}

const COMPOUND = ['disks', 'nics', 'filesystems', 'pci_devices'];

/** Removes the properties validate called bad, members of compound properties included. */
function dropBadProperties(payload: JsonObject, bad: readonly string[]): void {
  for (const prop of bad) {
    const member = /^(\w+)\.\*\.(.*)$/.exec(prop);
    if (member && COMPOUND.includes(member[1] ?? '')) {
      const [, base = '', key = ''] = member;
      for (const list of [base, `add_${base}`, `update_${base}`]) {
        const arr = payload[list];
        if (Array.isArray(arr)) for (const obj of arr) if (isJsonObject(obj)) delete obj[key];
      }
      continue;
    }
    delete payload[prop];
  }
}

/**
 * normalizePayload(payload, vmobj): for create (vmobj undefined) the payload with defaults,
 * for update the payload with derived memory values; throws PayloadError as vmadm fails.
 */
export function normalizePayload(
  payload: JsonObject,
  vmobj: JsonObject | undefined,
  ctx: ValidateContext,
): JsonObject {
  const out = structuredClone(payload);
  fixTypes(out);
  let action: Action = 'create';
  const brand = vmobj ? vmobj.brand : (applyZoneDefaults(out), out.brand);
  if (vmobj) {
    action = 'update';
    if (isBrand(brand)) fixPayloadMemory(out, vmobj, brand);
  }
  const errors = validatePayload(brand, action, out, ctx);
  if (errors) {
    if (errors.bad_brand !== undefined)
      throw new PayloadError(`Invalid brand while validating payload: ${JSON.stringify(brand)}`);
    if (errors.bad_values.length > 0)
      throw new PayloadError(`Invalid value(s) for: ${errors.bad_values.join(',')}`);
    if (errors.missing_properties.length > 0)
      throw new PayloadError(`Missing required properties: ${errors.missing_properties.join(',')}`);
    dropBadProperties(out, errors.bad_properties);
  }
  return out;
}
