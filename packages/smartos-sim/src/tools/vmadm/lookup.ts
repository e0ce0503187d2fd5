import { jsString, type JsonObject, type VmObject } from '../../state/json.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { parseKeyEqualsValue, type ParsedArgs } from './args.js';
import { addFakeFields } from './fakeFields.js';
import { validFilterKey } from './listFields.js';
import { matches } from './matcher.js';

function fail(message: string): ToolResult {
  const out = new ToolOutput();
  out.error(message);
  return out.result(1);
}

/** `vmadm lookup [-j|-1] [-o field,...] [field=value ...]` (VMs in zoneadm order, unsorted). */
export function vmadmLookup(parsed: ParsedArgs, loadVms: () => VmObject[]): ToolResult {
  const search = parseKeyEqualsValue(parsed.remain);
  const json = parsed.values.get('json') === true;
  const unique = parsed.values.get('unique') === true;
  const output = parsed.values.get('output');
  let fields: string[] | undefined;
  if (json) {
    if (output !== undefined) fields = String(output).split(',');
  } else if (output !== undefined) {
    return fail('Cannot specify -o without -j');
  } else {
    fields = ['uuid'];
  }
  for (const key of search.keys()) if (!validFilterKey(key)) return fail(`Invalid lookup key: "${key}"`);

  // addFakeFields runs on every object (it is the lookup transform), so even the full
  // objects of `lookup -j` carry `type` (and `ram` for non-HVM VMs) at the end.
  let results: JsonObject[] = loadVms()
    .map(addFakeFields)
    .filter((vm) => matches(vm, search));
  if (fields !== undefined) {
    const wanted = new Set(fields);
    results = results
      .map((vm): JsonObject => Object.fromEntries(Object.entries(vm).filter(([k]) => wanted.has(k))))
      .filter((vm) => Object.keys(vm).length > 0);
  }
  if (unique && results.length !== 1)
    return fail(`Requested unique lookup but found ${results.length} results.`);

  const out = new ToolOutput();
  if (json) out.log(JSON.stringify(results, null, 2));
  else for (const vm of results) out.log(jsString(vm.uuid));
  return out.result(0);
}
