import { isJsonObject, type JsonObject, type JsonValue } from '../../state/json.js';
import { FLATTENABLE_ARRAY_HASH_KEYS, FLATTENABLE_ARRAYS, FLATTENABLE_HASH_KEYS } from './listFields.js';

function member(container: JsonValue | undefined, key: string): JsonValue | undefined {
  if (Array.isArray(container)) {
    // JS arrays answer hasOwnProperty('0') like objects do
    return /^(0|[1-9][0-9]*)$/.test(key) ? container[Number(key)] : undefined;
  }
  if (isJsonObject(container) && Object.hasOwn(container, key)) return container[key];
  return undefined;
}

/** VM.flatten(): the value of `nics.0.ip`, `tags.role`, `resolvers.1` or a plain key. */
export function flatten(vm: JsonObject, key: string): JsonValue | undefined {
  const tokens = key.split('.');
  const [head = '', second = '', third = ''] = tokens;
  if (tokens.length === 3 && FLATTENABLE_ARRAY_HASH_KEYS.includes(head)) {
    return member(member(member(vm, head), second), third);
  }
  if (tokens.length === 2 && FLATTENABLE_HASH_KEYS.includes(head)) {
    return member(member(vm, head), second);
  }
  if (tokens.length === 2 && FLATTENABLE_ARRAYS.includes(head)) {
    return member(member(vm, head), second);
  }
  return member(vm, key);
}
