import type { ParsedArgs } from './args.js';
import { usageExit } from './usage.js';

/** vmadm.js getUUID(): the next operand, if shaped like a UUID (36 chars, dashes in place). */
export function getUuid(command: string, parsed: ParsedArgs): string {
  const uuid = parsed.remain.shift();
  if (
    uuid !== undefined &&
    uuid.length === 36 &&
    uuid[8] === '-' &&
    uuid[13] === '-' &&
    uuid[18] === '-' &&
    uuid[23] === '-'
  ) {
    return uuid;
  }
  return usageExit(`Invalid or missing UUID for ${command}`);
}
