// smartos-live src/vm/node_modules/diff.js, as vminfod uses it for `modify` events: the
// changes between two VM objects, nics matched by mac and disks by path (DIFF_MAP).
import { isJsonObject, type JsonObject, type JsonValue } from '../../state/json.js';

export interface Change {
  prettyPath: string;
  path: (string | null)[];
  action: 'added' | 'removed' | 'changed';
  oldValue?: JsonValue;
  newValue?: JsonValue;
  ident?: JsonValue;
}

const DIFF_MAP: Record<string, string> = { disks: 'path', nics: 'mac' };

/** toDotNotation(): a.b.*.c, elements with '.', '[' or ']' bracketed. */
export function toDotNotation(path: readonly (string | null)[]): string {
  let s = '';
  for (const raw of path) {
    const elem = raw === null ? '*' : raw;
    if (/[.[\]]/.test(elem)) {
      s += `[${elem.replace(/([[\]])/g, '\\$1')}]`;
      continue;
    }
    if (s.length > 0) s += '.';
    s += elem;
  }
  return s;
}

function change(
  path: (string | null)[],
  action: Change['action'],
  oldValue?: JsonValue,
  newValue?: JsonValue,
): Change {
  const c: Change = { prettyPath: toDotNotation(path), path, action };
  if (action !== 'added') c.oldValue = oldValue;
  if (action !== 'removed') c.newValue = newValue;
  return c;
}

function objDiff(a: JsonObject, b: JsonObject, prefix: (string | null)[]): Change[] {
  const changes: Change[] = [];
  for (const key of Object.keys(a)) {
    const path = [...prefix, key];
    const av = a[key] ?? null;
    if (!Object.hasOwn(b, key)) {
      changes.push(change(path, 'removed', av));
      continue;
    }
    const bv = b[key] ?? null;
    if (av === bv) continue;
    if (typeof av !== 'object' || typeof bv !== 'object' || av === null || bv === null) {
      changes.push(change(path, 'changed', av, bv));
      continue;
    }
    changes.push(...diff(av, bv, path, key));
  }
  for (const key of Object.keys(b))
    if (!Object.hasOwn(a, key)) changes.push(change([...prefix, key], 'added', undefined, b[key]));
  return changes;
}

function arrayDiff(
  a: JsonValue[],
  b: JsonValue[],
  prefix: (string | null)[],
  key: string | undefined,
): Change[] {
  const path = [...prefix, null];
  const as = a.map((o) => JSON.stringify(o));
  const bs = b.map((o) => JSON.stringify(o));
  let removed = as.flatMap((o, i) => (bs.includes(o) ? [] : [i]));
  let added = bs.flatMap((o, j) => (as.includes(o) ? [] : [j]));
  const modified: { a: JsonObject; b: JsonObject; ident: JsonValue }[] = [];
  const identKey = key !== undefined && path.length === 2 ? DIFF_MAP[key] : undefined;
  if (identKey !== undefined) {
    removed = removed.filter((i) => {
      const oi = a[i];
      if (!isJsonObject(oi)) return true;
      const j = added.find((k) => {
        const oj = b[k];
        return isJsonObject(oj) && oi[identKey] === oj[identKey];
      });
      if (j === undefined) return true;
      const oj = b[j];
      if (isJsonObject(oj)) modified.push({ a: oi, b: oj, ident: oi[identKey] ?? null });
      added = added.filter((k) => k !== j);
      return false;
    });
  }
  const changes: Change[] = removed.map((i) => change(path, 'removed', a[i]));
  for (const mod of modified)
    for (const c of objDiff(mod.a, mod.b, path)) changes.push({ ...c, ident: mod.ident });
  for (const j of added) changes.push(change(path, 'added', undefined, b[j]));
  return changes;
}

/** diff(a, b): [] when equal. */
export function diff(a: JsonValue, b: JsonValue, prefix: (string | null)[] = [], key?: string): Change[] {
  if (a === b) return [];
  if (Array.isArray(a) && Array.isArray(b)) return arrayDiff(a, b, prefix, key);
  if (isJsonObject(a) && isJsonObject(b)) return objDiff(a, b, prefix);
  return [];
}
