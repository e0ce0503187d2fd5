import type { VmObject } from '../../state/json.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';

/** `vmadm get <uuid>`: the VM as pretty JSON, or zoneadm's message when there is none. */
export function vmadmGet(uuid: string, vm: VmObject | undefined): ToolResult {
  const out = new ToolOutput();
  if (vm === undefined) {
    out.error(`zoneadm: ${uuid}: No such zone configured`);
    return out.result(1);
  }
  out.log(JSON.stringify(vm, null, 2));
  return out.result(0);
}
