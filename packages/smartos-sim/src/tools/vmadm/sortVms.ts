import type { JsonObject, JsonValue } from '../../state/json.js';
import { flatten } from './flatten.js';

type Flat = JsonValue | undefined;

// JavaScript's relational operators on whatever the fields hold (numbers numerically,
// strings by code unit, mixed types by coercion), exactly as vmadm.js compares them.
function greater(a: Flat, b: Flat): boolean {
  return (a as number) > (b as number);
}
function less(a: Flat, b: Flat): boolean {
  return (a as number) < (b as number);
}

/** vmadm.js sortVM(): `field`, `+field` ascending, `-field` descending; falsy values last. */
export function compareVms(a: JsonObject, b: JsonObject, sortFields: readonly string[]): number {
  for (const spec of sortFields) {
    let field = spec;
    let direction = 1;
    if (field.startsWith('+')) field = field.slice(1);
    else if (field.startsWith('-')) {
      field = field.slice(1);
      direction = -1;
    }
    const av = flatten(a, field);
    const bv = flatten(b, field);
    if (greater(av, bv) || (!av && bv) || (av === undefined && bv !== undefined)) return direction;
    if (less(av, bv) || (av && !bv) || (av !== undefined && bv === undefined)) return -direction;
  }
  return 0;
}
