import { jsString, type JsonObject } from '../../state/json.js';
import { flatten } from './flatten.js';
import { FLATTENABLE_ARRAY_HASH_KEYS } from './listFields.js';

/** Thrown for a `field=~regex` whose regex does not compile (vmadm crashes there). */
export class BadRegexError extends Error {}

/** fixMac(): normalises a MAC filter value to two hex digits per octet. */
function fixMac(mac: string): string {
  return mac
    .split(':')
    .map((octet) => {
      const n = parseInt(octet, 16);
      return Number.isNaN(n) ? 'NaN' : n.toString(16).padStart(2, '0');
    })
    .join(':');
}

type Target = { regex: RegExp } | { exact: string };

function compile(raw: string): Target {
  if (!raw.startsWith('~')) return { exact: raw };
  try {
    return { regex: new RegExp(raw.slice(1), 'i') };
  } catch (err) {
    throw new BadRegexError((err as Error).message);
  }
}

function matchOne(vm: JsonObject, key: string, target: Target): boolean {
  const value = flatten(vm, key);
  if (value === undefined) return false;
  if ('regex' in target) return target.regex.test(jsString(value));
  const wanted = /^nics\..*\.mac$/.test(key) ? fixMac(target.exact) : target.exact;
  return jsString(value) === wanted;
}

/** VM.js matcher(): every `key=value` / `key=~regex` of the search must match. */
export function matches(vm: JsonObject, search: ReadonlyMap<string, string>): boolean {
  if (search.size === 0) return true;
  for (const [key, raw] of search) {
    const target = compile(raw);
    const fields = key.split('.');
    const head = fields[0] ?? '';
    const list = vm[head];
    let found = false;
    if (
      fields.length === 3 &&
      fields[1] === '*' &&
      Object.hasOwn(vm, head) &&
      FLATTENABLE_ARRAY_HASH_KEYS.includes(head)
    ) {
      const count = Array.isArray(list) ? list.length : 0;
      for (let i = 0; i < count && !found; i += 1)
        found = matchOne(vm, `${head}.${i}.${fields[2] ?? ''}`, target);
    } else {
      found = matchOne(vm, key, target);
    }
    if (!found) return false;
  }
  return true;
}
