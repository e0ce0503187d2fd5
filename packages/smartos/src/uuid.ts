import { SmartosError } from './errors.js';

/**
 * A UUID as SmartOS writes them: 8-4-4-4-12 hex digits. Looser than RFC 9562 on purpose
 * (vmadm accepts any such string as a VM uuid, e.g. 11111111-2222-3333-4444-555555555555).
 */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Refuses anything that is not a UUID before a command line is ever built with it. */
export function assertUuid(value: unknown, what = 'VM uuid'): string {
  if (isUuid(value)) return value;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
  throw new SmartosError({ code: 'InvalidUuid', message: `${what} is not a UUID: ${shown}` });
}
