import { jsString, type JsonObject, type VmObject } from '../../state/json.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { parseKeyEqualsValue, type ParsedArgs } from './args.js';
import { addFakeFields } from './fakeFields.js';
import { flatten } from './flatten.js';
import {
  DEFAULT_ORDER,
  DEFAULT_SORT,
  getListProperties,
  validColumnKey,
  validFilterKey,
} from './listFields.js';
import { matches } from './matcher.js';
import { compareVms } from './sortVms.js';

function fail(message: string): ToolResult {
  const out = new ToolOutput();
  out.error(message);
  return out.result(1);
}

/**
 * vmload only loads the fields the columns need, and lookup strips the rest after the fake
 * fields were added: a sort on a field that is not a column sees nothing (sorts as equal).
 */
function project(vm: VmObject, topLevel: ReadonlySet<string>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(vm)) if (topLevel.has(k)) out[k] = v;
  return out;
}

function formatLine(fields: readonly string[], vm: JsonObject | null, parsable: boolean): string {
  const parts = fields.map((field) => {
    const props = getListProperties(field);
    const width = props?.width ?? 0;
    let value: string;
    if (vm === null) value = props?.header ?? '';
    else {
      const flat = flatten(vm, field);
      // `if (flat || flat === 0)`: false, '' and missing print as '-' (or nothing with -p)
      if ((flat || flat === 0) && flat !== undefined && flat !== null) value = jsString(flat);
      else value = parsable ? '' : '-';
    }
    return parsable ? value : value.padEnd(width, ' ');
  });
  return parts.join(parsable ? ':' : '  ').replace(/\s+$/, '');
}

/** `vmadm list [-p] [-H] [-o field,...] [-s field,...] [field=value|field=~regex ...]` */
export function vmadmList(parsed: ParsedArgs, loadVms: () => VmObject[]): ToolResult {
  const search = parseKeyEqualsValue(parsed.remain);
  const sortOpt = parsed.values.get('sortby');
  const orderOpt = parsed.values.get('order');
  const sortby = sortOpt === undefined ? DEFAULT_SORT : String(sortOpt);
  const order = orderOpt === undefined ? DEFAULT_ORDER : String(orderOpt);
  const parsable = parsed.values.get('parsable') === true;
  const headerOpt = parsed.values.get('header');
  const header = headerOpt === undefined ? !parsable : headerOpt === true;

  for (const key of search.keys()) if (!validFilterKey(key)) return fail(`Invalid filter key: "${key}"`);
  const orderFields = order.split(',');
  for (const key of orderFields) if (!validColumnKey(key)) return fail(`Invalid order key: "${key}"`);
  const sortFields = sortby.split(',');
  for (const key of sortFields) if (!validColumnKey(key)) return fail(`Invalid sort key: "${key}"`);

  const vms = loadVms()
    .map(addFakeFields)
    .filter((vm) => matches(vm, search));

  for (const field of sortFields) {
    const bare = field.startsWith('-') || field.startsWith('+') ? field.slice(1) : field;
    if (!getListProperties(bare)) return fail(`invalid sort field: ${field}`);
  }
  for (const field of orderFields)
    if (!getListProperties(field)) return fail(`invalid order field: ${field}`);

  const topLevel = new Set(orderFields.map((f) => f.split('.')[0] ?? f));
  const rows = vms.map((vm) => project(vm, topLevel));
  rows.sort((a, b) => compareVms(a, b, sortFields));

  const out = new ToolOutput();
  if (header) out.log(formatLine(orderFields, null, parsable));
  for (const row of rows) out.log(formatLine(orderFields, row, parsable));
  return out.result(0);
}
