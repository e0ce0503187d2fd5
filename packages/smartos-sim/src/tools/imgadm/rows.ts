// imgadm list/avail rows and filters (cli.js filtersFromArgs, rowFromImageInfo,
// filterImagesInfo): a row is the manifest itself plus computed fields (pub, published, source,
// clones, zpool, size) - computed in place, as imgadm does, so `-j` with filters shows them.
import { isJsonObject, jsString, type JsonObject, type JsonValue } from '../../state/json.js';
import { usageError } from './errors.js';

/** An imgadm imageInfo: {manifest, zpool?, source?, cloneNames?, clones?} (key order kept). */
export type ImageInfo = JsonObject & { manifest: JsonObject };

export type Filters = Record<string, string | boolean>;

export function filtersFromArgs(args: readonly string[]): Filters {
  const filters: Filters = {};
  for (const arg of args) {
    const idx = arg.indexOf('=');
    if (idx === -1) throw usageError(`invalid filter: "${arg}" (must be of the form "field=value")`);
    const raw = arg.slice(idx + 1);
    filters[arg.slice(0, idx)] = raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  return filters;
}

function setOrDelete(row: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value === undefined) delete row[key];
  else row[key] = value;
}

export function rowFromImageInfo(info: ImageInfo): JsonObject {
  const row = info.manifest;
  if (typeof row.published_at === 'string') {
    row.published_date = row.published_at.slice(0, 10);
    row.pub = row.published_date;
    row.published = row.published_at.replace(/\.\d+Z$/, 'Z');
  }
  setOrDelete(row, 'source', info.source);
  setOrDelete(row, 'clones', info.clones);
  setOrDelete(row, 'zpool', info.zpool);
  const files = row.files;
  const first = Array.isArray(files) ? files[0] : undefined;
  if (isJsonObject(first) && first.size !== undefined) row.size = first.size;
  return row;
}

function lookup(row: JsonObject, field: string): JsonValue | undefined {
  let actual: JsonValue | undefined = row;
  for (const part of field.split('.')) {
    if (!isJsonObject(actual)) return undefined;
    actual = Object.hasOwn(actual, part) ? actual[part] : undefined;
    if (actual === undefined) return undefined;
  }
  return actual;
}

export function filterImagesInfo(infos: ImageInfo[], filters: Filters): ImageInfo[] {
  const fields = Object.keys(filters);
  if (fields.length === 0) return infos;
  return infos.filter((info) => {
    const row = rowFromImageInfo(info);
    return fields.every((field) => {
      const want = filters[field];
      const actual = lookup(row, field);
      if (actual === undefined || want === undefined) return false;
      if (typeof want === 'boolean') return want === actual;
      if (want.startsWith('~')) {
        if (typeof actual === 'string') return actual.includes(want.slice(1));
        return Array.isArray(actual) && actual.includes(want.slice(1));
      }
      return jsString(actual) === want;
    });
  });
}
