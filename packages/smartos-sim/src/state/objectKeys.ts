import type { JsonObject, JsonValue } from './json.js';

/**
 * Returns a copy of `obj` with `key` set to `value`. An existing key keeps its place;
 * a new key goes right after the first of `after` that exists (else at the end), so
 * that objects keep the key order vmadm prints.
 */
export function setKey(
  obj: JsonObject,
  key: string,
  value: JsonValue,
  after: readonly string[] = [],
): JsonObject {
  if (Object.hasOwn(obj, key)) return { ...obj, [key]: value };
  const anchor = after.find((k) => Object.hasOwn(obj, k));
  if (anchor === undefined) return { ...obj, [key]: value };
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = v;
    if (k === anchor) out[key] = value;
  }
  return out;
}

export function removeKeys(obj: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
  return out;
}
