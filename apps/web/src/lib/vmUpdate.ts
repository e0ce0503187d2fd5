// The edit dialog's form, its checks and the `vmadm update` payload it sends, with the diff the
// admin reads before sending. Pure: tested in vmUpdate.test.ts.
import type { ZodType } from 'zod';

import type { VmDetail } from '@zonedeck/api/schemas';
import { VmSpec } from '@zonedeck/api/schemas/vmSpec';

import { isHvmBrand, numberProp, recordEntries, stringProp } from './vmDetail';
import { checkNicRows, nicChanges, nicRowsFromVm, type NicEditRow } from './vmNicEdit';

export interface KeyValueRow {
  key: string;
  value: string;
}

/** What the dialog edits, as the inputs hold it (text). */
export interface VmEditForm {
  ram: string;
  cpuCap: string;
  quota: string;
  alias: string;
  tags: KeyValueRow[];
  metadata: KeyValueRow[];
  nics: NicEditRow[];
}

export type VmEditField = 'ram' | 'cpuCap' | 'quota' | 'alias' | 'tags' | 'metadata' | 'nics';
export type VmEditErrors = Partial<Record<VmEditField, string>>;

/** The property `vmadm update` changes for memory: `ram` for HVM guests, else `max_physical_memory`. */
export function ramProperty(brand: string): 'ram' | 'max_physical_memory' {
  return isHvmBrand(brand) ? 'ram' : 'max_physical_memory';
}

function numberText(value: number | null): string {
  return value === null ? '' : String(value);
}

export function editFormFromVm(vm: VmDetail): VmEditForm {
  return {
    ram: numberText(numberProp(vm, ramProperty(vm.brand))),
    cpuCap: numberText(numberProp(vm, 'cpu_cap')),
    quota: numberText(numberProp(vm, 'quota')),
    alias: stringProp(vm, 'alias') ?? '',
    tags: recordEntries(vm['tags']).map(([key, value]) => ({ key, value })),
    metadata: recordEntries(vm['customer_metadata']).map(([key, value]) => ({ key, value })),
    nics: nicRowsFromVm(vm),
  };
}

/** A whole number from an input, `undefined` for an empty one, or null when it is not one. */
export function parseWholeNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^-?\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** The first message a schema gives for a value, or null when it accepts it. */
function schemaMessage(schema: ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'not accepted');
}

function checkRows(rows: readonly KeyValueRow[], what: string, maxValue: number): string | null {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '') {
      if (row.value !== '') return `a ${what} needs a name`;
      continue;
    }
    if (key.length > 128) return `${what} names are at most 128 characters`;
    if (seen.has(key)) return `“${key}” appears twice`;
    seen.add(key);
    if (row.value.length > maxValue) return `the value of “${key}” is longer than ${maxValue} characters`;
  }
  return null;
}

const MAX_METADATA_VALUE = 64 * 1024;

/** The same limits VmSpec puts on a new VM, checked before anything is sent. */
export function checkEditForm(form: VmEditForm, original: VmEditForm): VmEditErrors {
  const errors: VmEditErrors = {};
  const fields = VmSpec.shape;

  const ram = parseWholeNumber(form.ram);
  if (ram === null) errors.ram = 'a whole number of MiB';
  else if (ram === undefined) errors.ram = 'the VM needs its memory size';
  else {
    const message = schemaMessage(fields.ram, ram);
    if (message) errors.ram = message;
  }

  const cap = parseWholeNumber(form.cpuCap);
  if (cap === null) errors.cpuCap = 'a whole number (percent of one CPU)';
  else if (cap !== undefined) {
    const message = schemaMessage(fields.cpu_cap, cap);
    if (message) errors.cpuCap = message;
  }

  const quota = parseWholeNumber(form.quota);
  if (quota === null) errors.quota = 'a whole number of GiB';
  else if (quota === undefined) {
    if (original.quota !== '') errors.quota = 'the VM has a quota: give its new size';
  } else {
    const message = schemaMessage(fields.quota, quota);
    if (message) errors.quota = message;
  }

  const aliasMessage = schemaMessage(fields.alias, form.alias);
  if (aliasMessage) errors.alias = aliasMessage;

  const tags = checkRows(form.tags, 'tag', MAX_METADATA_VALUE);
  if (tags) errors.tags = tags;
  const metadata = checkRows(form.metadata, 'metadata key', MAX_METADATA_VALUE);
  if (metadata) errors.metadata = metadata;
  if (form.nics.length > 8) errors.nics = 'at most 8 NICs';
  else if (checkNicRows(form.nics).some((row) => Object.keys(row).length > 0))
    errors.nics = 'fix the NIC fields marked below';
  return errors;
}

function rowMap(rows: readonly KeyValueRow[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) {
    const key = row.key.trim();
    if (key !== '') map.set(key, row.value);
  }
  return map;
}

/** set_<what> for new and changed keys, remove_<what> for keys that are gone. */
function mapChanges(
  before: readonly KeyValueRow[],
  after: readonly KeyValueRow[],
): { set: Record<string, string>; remove: string[] } {
  const old = rowMap(before);
  const now = rowMap(after);
  const set: Record<string, string> = {};
  for (const [key, value] of now) if (old.get(key) !== value) set[key] = value;
  const remove = [...old.keys()].filter((key) => !now.has(key));
  return { set, remove };
}

/**
 * The `vmadm update` payload that turns `original` into `form`: only what changed, plain
 * properties as themselves, tags and metadata as set_/remove_ lists. Expects a checked form.
 * An emptied CPU cap is sent as 0 (vmadm's "no cap").
 */
export function buildUpdatePayload(
  brand: string,
  original: VmEditForm,
  form: VmEditForm,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  const numeric = (key: string, before: string, after: string, empty: number | null) => {
    const a = parseWholeNumber(after);
    const b = parseWholeNumber(before);
    if (a === b || a === null) return;
    if (a === undefined) {
      if (empty !== null) payload[key] = empty;
      return;
    }
    payload[key] = a;
  };
  numeric(ramProperty(brand), original.ram, form.ram, null);
  numeric('cpu_cap', original.cpuCap, form.cpuCap, 0);
  numeric('quota', original.quota, form.quota, null);
  if (form.alias !== original.alias) payload['alias'] = form.alias;

  const tags = mapChanges(original.tags, form.tags);
  if (Object.keys(tags.set).length) payload['set_tags'] = tags.set;
  if (tags.remove.length) payload['remove_tags'] = tags.remove;
  const metadata = mapChanges(original.metadata, form.metadata);
  if (Object.keys(metadata.set).length) payload['set_customer_metadata'] = metadata.set;
  if (metadata.remove.length) payload['remove_customer_metadata'] = metadata.remove;
  Object.assign(payload, nicChanges(original.nics, form.nics, isHvmBrand(brand)));
  return payload;
}

export interface DiffRow {
  /** `max_physical_memory`, `tags.role`, `customer_metadata.user-script`. */
  property: string;
  /** undefined: the property was not set before / is removed after. */
  before: unknown;
  after: unknown;
}

function vmNicByMac(vm: VmDetail, mac: unknown): Record<string, unknown> | undefined {
  const nics: unknown = vm['nics'];
  if (!Array.isArray(nics)) return undefined;
  return nics.find(
    (n): n is Record<string, unknown> =>
      typeof n === 'object' && n !== null && (n as { mac?: unknown }).mac === mac,
  );
}

/** What the payload changes on this VM, one row per property (and per tag / metadata key). */
export function updateDiff(vm: VmDetail, payload: Record<string, unknown>): DiffRow[] {
  const rows: DiffRow[] = [];
  const current = (map: string, key: string): unknown => {
    const value = vm[map];
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  };
  for (const [key, value] of Object.entries(payload)) {
    const setOf = /^set_(tags|customer_metadata)$/.exec(key);
    const removeOf = /^remove_(tags|customer_metadata)$/.exec(key);
    if (setOf?.[1] && typeof value === 'object' && value !== null) {
      const map = setOf[1];
      for (const [k, v] of Object.entries(value))
        rows.push({ property: `${map}.${k}`, before: current(map, k), after: v });
    } else if (removeOf?.[1] && Array.isArray(value)) {
      const map = removeOf[1];
      for (const k of value) {
        if (typeof k === 'string')
          rows.push({ property: `${map}.${k}`, before: current(map, k), after: undefined });
      }
    } else if (key === 'add_nics' && Array.isArray(value)) {
      for (const nic of value) rows.push({ property: 'nics (new)', before: undefined, after: nic });
    } else if (key === 'update_nics' && Array.isArray(value)) {
      for (const change of value as Record<string, unknown>[]) {
        const nic = vmNicByMac(vm, change['mac']);
        for (const [k, v] of Object.entries(change)) {
          if (k !== 'mac')
            rows.push({ property: `nics.${String(change['mac'])}.${k}`, before: nic?.[k], after: v });
        }
      }
    } else if (key === 'remove_nics' && Array.isArray(value)) {
      for (const mac of value)
        rows.push({ property: `nics.${String(mac)}`, before: vmNicByMac(vm, mac), after: undefined });
    } else {
      rows.push({ property: key, before: vm[key], after: value });
    }
  }
  return rows;
}

/** A diff side as the dialog prints it: JSON, or "(not set)". */
export function diffValueText(value: unknown): string {
  return value === undefined ? '(not set)' : JSON.stringify(value);
}
