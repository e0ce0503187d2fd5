/** JSON values as vmadm, sysinfo and the state files hold them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A VM as `vmadm get` prints it: key order matters (insertion order is output order). */
export type VmObject = JsonObject;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as JavaScript's String() / `'' + value` renders it (arrays joined by ','). */
export function jsString(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return value.map((v) => (v === null ? '' : jsString(v))).join(',');
  if (isJsonObject(value)) return '[object Object]';
  return String(value);
}

/** Narrows parsed JSON (a JSON import, JSON.parse output) known to be an object. */
export function asJsonObject(value: unknown, what: string): JsonObject {
  if (!isJsonObject(value)) throw new Error(`${what}: expected a JSON object`);
  return value;
}
