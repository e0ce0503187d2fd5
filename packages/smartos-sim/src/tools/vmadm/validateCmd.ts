// `vmadm validate create [-f file]` / `vmadm validate update <brand> [-f file]`: VM.validate on
// the payload as given (no defaults); errors as 2-space JSON on stderr, exit 1.
import { isJsonObject, jsString, type JsonObject } from '../../state/json.js';
import type { ToolResult } from '../toolResult.js';
import type { ParsedArgs } from './args.js';
import type { VmadmContext } from './context.js';
import { validateContext } from './create.js';
import { PayloadError } from './normalizePayload.js';
import { payloadFilename, readPayload, refuseTty } from './payloadInput.js';
import { printed } from './printed.js';
import { usageExit } from './usage.js';
import { validatePayload } from './validatePayload.js';

export async function vmadmValidate(parsed: ParsedArgs, ctx: VmadmContext): Promise<ToolResult> {
  const filename = payloadFilename(parsed);
  refuseTty(filename, ctx, 'Will not validate from stdin when stdin is a tty.');
  const action = parsed.remain[0];
  if (action === undefined) usageExit('Will not validate without a valid action.');
  if (action === 'update' && parsed.remain.length !== 2)
    usageExit('Will not validate without a valid action and brand.');
  let payload: JsonObject;
  try {
    const value = await readPayload(filename, ctx);
    payload = isJsonObject(value) ? value : {};
  } catch (err) {
    if (err instanceof PayloadError) return printed(err.message);
    throw err;
  }
  const brand = action === 'update' ? parsed.remain[1] : payload.brand;
  const act = action;
  const errors = validatePayload(brand, act, payload, validateContext(ctx.layout()));
  if (errors) {
    const shown =
      errors.bad_brand !== undefined
        ? { bad_brand: errors.bad_brand }
        : {
            bad_values: errors.bad_values,
            bad_properties: errors.bad_properties,
            missing_properties: errors.missing_properties,
          };
    return printed(JSON.stringify(shown, null, 2));
  }
  return printed(`VALID '${action}' payload for ${jsString(brand)} brand VMs.`, 0);
}
