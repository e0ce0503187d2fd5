// VM.validate(brand, action, payload) of smartos-live VM.js: validateProperty() for every
// property (and every member of nics/disks/... objects), the disk source rules, required
// properties, then the images (validateImages(), which asks imgadm; here the image store).
// The payload may be amended as VM.js amends it (disks.*.image_size, bootrom).
import { isIP } from 'node:net';

import { isJsonObject, jsString, type JsonObject, type JsonValue } from '../../state/json.js';
import { BRAND_FEATURES } from './brandFeatures.js';
import {
  isAllowed,
  isBrand,
  PAYLOAD_PROPERTIES,
  requiredProperties,
  type Action,
  type Brand,
  type Validator,
} from './payloadProps.js';

export interface ValidationErrors {
  bad_brand?: string;
  bad_values: string[];
  bad_properties: string[];
  missing_properties: string[];
}

export interface ValidateContext {
  /** names of the host's zpools */
  zpools: readonly string[];
  /** the installed image's manifest (imgadm get -P <pool> <uuid>), if any */
  image: (uuid: string, zpool: string) => JsonObject | undefined;
}

const UUID_RE = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

function isPowerOf2(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

const VALIDATORS: Record<Validator, (value: JsonValue) => boolean> = {
  validAttrValue: (v) =>
    (typeof v === 'number' || typeof v === 'string') && /^[a-zA-Z0-9\-._]+$/.test(jsString(v)),
  validResolver: (v) => typeof v === 'string' && isIP(v) !== 0,
  validMacAddress: (v) => typeof v === 'string' && /^([0-9a-fA-F]{1,2}:){5}[0-9a-fA-F]{1,2}$/.test(v),
  validCID: (v) =>
    typeof v === 'string' && /^0x[0-9a-fA-F]+$/.test(v) && v.length % 2 === 0 && v.length <= 512,
  validBhyveSectSize: (v) => {
    if (typeof v !== 'string') return false;
    const sizes = v.split('/');
    return sizes.length <= 2 && sizes.every((x) => /^\d+$/.test(x) && isPowerOf2(Number(x)));
  },
};

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

function isBlank(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || jsString(value).trim() === '';
}

/** validateProperty(): is the property allowed for this brand and action, and is its value right? */
function validateProperty(
  brand: Brand,
  prop: string,
  value: JsonValue | undefined,
  action: string,
  ctx: ValidateContext,
  errors: ValidationErrors,
): void {
  if (!isAllowed(brand, prop, action)) addOnce(errors.bad_properties, prop);
  const spec = PAYLOAD_PROPERTIES.get(prop);
  if (spec === undefined) return;
  const bad = (): void => addOnce(errors.bad_values, prop);
  switch (spec.type) {
    case 'uuid':
      if (!isUuid(value)) bad();
      break;
    case 'boolean':
      if (value === 1 || value === '1') break;
      if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') bad();
      break;
    case 'string':
      if (isBlank(value)) break;
      if (typeof value !== 'string') bad();
      if (value !== undefined && spec.validator !== undefined && !VALIDATORS[spec.validator](value)) bad();
      break;
    case 'integer': {
      if (isBlank(value)) break;
      if (typeof value === 'boolean') {
        errors.bad_values.push(prop);
        break;
      }
      const n = typeof value === 'number' ? value : Number(value);
      if (Number.isNaN(n) || Math.floor(n) !== n) errors.bad_values.push(prop);
      else if (spec.min !== undefined && n < spec.min) errors.bad_values.push(prop);
      else if (spec.max !== undefined && n > spec.max) errors.bad_values.push(prop);
      break;
    }
    case 'zpool':
      if (typeof value !== 'string' || !ctx.zpools.includes(value)) bad();
      break;
    case 'object':
      if (typeof value !== 'object') bad();
      break;
    case 'flat-object':
      if (typeof value !== 'object') bad();
      if (isJsonObject(value) && Object.values(value).some((v) => typeof v === 'object')) bad();
      if (Array.isArray(value) && value.some((v) => typeof v === 'object')) bad();
      break;
    case 'list': {
      const list =
        typeof value === 'string' ? value.split(',').filter((e) => e.length > 0) : (value ?? undefined);
      if (!Array.isArray(list)) {
        bad();
        break;
      }
      for (const item of list) {
        if (typeof item !== 'string' && typeof item !== 'number') {
          bad();
          break;
        }
        if (spec.validator !== undefined && !VALIDATORS[spec.validator](item)) {
          bad();
          break;
        }
        if (jsString(item).includes(',')) bad();
      }
      break;
    }
    case 'object-array':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'object')) bad();
      break;
  }
}

function validateDiskSource(
  prefix: string,
  disk: JsonObject,
  payload: JsonObject,
  errors: ValidationErrors,
): void {
  if (Object.hasOwn(disk, 'media') && disk.media !== 'disk') return;
  if (Object.hasOwn(disk, 'image_uuid')) {
    if (!Object.hasOwn(disk, 'image_size')) errors.missing_properties.push(`${prefix}.image_size`);
    if (Object.hasOwn(disk, 'size') && !Object.hasOwn(payload, 'flexible_disk_size'))
      errors.bad_properties.push(`${prefix}.size`);
    if (Object.hasOwn(disk, 'block_size')) errors.bad_properties.push(`${prefix}.block_size`);
  } else {
    if (!Object.hasOwn(disk, 'size')) errors.missing_properties.push(`${prefix}.size`);
    if (Object.hasOwn(disk, 'image_name')) errors.bad_properties.push(`${prefix}.image_name`);
    if (Object.hasOwn(disk, 'image_size')) errors.bad_properties.push(`${prefix}.image_size`);
  }
}

interface ImageCheck {
  property: string;
  prefix: string;
  target: JsonObject;
  types: string[];
  uuid: string;
  zpool: string;
}

/** validateImages(): every image_uuid must be installed, of the right type and size. */
function validateImages(
  brand: Brand,
  payload: JsonObject,
  ctx: ValidateContext,
  errors: ValidationErrors,
): void {
  const checks: ImageCheck[] = [];
  const pool = (o: JsonObject): string => (typeof o.zpool === 'string' ? o.zpool : 'zones');
  if (isUuid(payload.image_uuid)) {
    checks.push({
      property: 'image_uuid',
      prefix: 'undefined',
      target: payload,
      types: BRAND_FEATURES[brand].zonerootImageTypes,
      uuid: payload.image_uuid,
      zpool: pool(payload),
    });
  }
  for (const d of ['disks', 'add_disks']) {
    const disks = payload[d];
    if (!Array.isArray(disks)) continue;
    disks.forEach((disk, idx) => {
      if (isJsonObject(disk) && Object.hasOwn(disk, 'image_uuid')) {
        checks.push({
          property: `${d}.${idx}.image_uuid`,
          prefix: `${d}.${idx}`,
          target: disk,
          types: ['zvol'],
          uuid: jsString(disk.image_uuid),
          zpool: pool(disk),
        });
      }
    });
  }
  for (const check of checks) {
    const manifest = isUuid(check.uuid) ? ctx.image(check.uuid, check.zpool) : undefined;
    if (manifest === undefined || !check.types.includes(jsString(manifest.type))) {
      errors.bad_values.push(check.property);
      continue;
    }
    const size = manifest.image_size;
    if (typeof size === 'number') {
      if (Object.hasOwn(check.target, 'image_size')) {
        if (check.target.image_size !== size) errors.bad_values.push(`${check.prefix}.image_size`);
      } else {
        check.target.image_size = size;
        const idx = errors.missing_properties.indexOf(`${check.prefix}.image_size`);
        if (idx !== -1) errors.missing_properties.splice(idx, 1);
        if (typeof check.target.size === 'number' && check.target.size < size) errors.bad_values.push('size');
      }
    }
    const req = manifest.requirements;
    if (isJsonObject(req) && typeof req.bootrom === 'string' && check.target.boot === true) {
      if (Object.hasOwn(payload, 'bootrom') && payload.bootrom !== req.bootrom)
        errors.bad_values.push('bootrom');
      else if (!Object.hasOwn(payload, 'bootrom')) payload.bootrom = req.bootrom;
    }
  }
}

/** VM.validate(): undefined when valid, else the errors object vmadm prints. */
export function validatePayload(
  brand: unknown,
  action: string,
  payload: JsonObject,
  ctx: ValidateContext,
): ValidationErrors | undefined {
  if (!isBrand(brand)) {
    const shown =
      brand === undefined || brand === null || brand === '' || brand === false ? 'undefined' : brand;
    return {
      bad_brand: typeof shown === 'string' ? shown : (JSON.stringify(shown) ?? 'undefined'),
      bad_values: [],
      bad_properties: [],
      missing_properties: [],
    };
  }
  const errors: ValidationErrors = { bad_values: [], bad_properties: [], missing_properties: [] };
  for (const [prop, value] of Object.entries(payload)) {
    validateProperty(brand, prop, value, action, ctx, errors);
    const spec = PAYLOAD_PROPERTIES.get(prop);
    if (spec?.type !== 'object-array' || !Array.isArray(value)) continue;
    // members are checked as 'add' (disks, nics, add_*) or 'update' (update_*)
    let prefix = `${prop}.*.`;
    let subAction: Action = 'add';
    if (spec.checkAs !== undefined) {
      prefix = `${spec.checkAs}.*.`;
      if (prop.startsWith('update_')) subAction = 'update';
    }
    for (const member of value) {
      if (!isJsonObject(member)) {
        addOnce(errors.bad_values, prop);
        continue;
      }
      for (const [sub, subValue] of Object.entries(member))
        validateProperty(brand, prefix + sub, subValue, subAction, ctx, errors);
    }
  }
  if (PAYLOAD_PROPERTIES.get('disks')?.allowed.has(brand)) {
    for (const d of ['disks', 'add_disks']) {
      const disks = payload[d];
      if (Array.isArray(disks))
        disks.forEach((disk, idx) => {
          if (isJsonObject(disk)) validateDiskSource(`${d}.${idx}`, disk, payload, errors);
        });
    }
  }
  for (const prop of requiredProperties(brand, action))
    if (!Object.hasOwn(payload, prop)) errors.missing_properties.push(prop);
  validateImages(brand, payload, ctx, errors);
  for (const d of ['disks', 'add_disks']) {
    const disks = payload[d];
    if (Array.isArray(disks))
      disks.forEach((disk, idx) => {
        if (isJsonObject(disk) && typeof disk.refreservation === 'number' && disk.refreservation < 0)
          errors.bad_values.push(`${d}.${idx}.refreservation`);
      });
  }
  const invalid =
    errors.bad_values.length > 0 || errors.bad_properties.length > 0 || errors.missing_properties.length > 0;
  return invalid ? errors : undefined;
}
