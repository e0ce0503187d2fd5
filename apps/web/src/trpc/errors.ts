import { isTRPCClientError, type TRPCClientError } from '@trpc/client';

import type { AppRouter } from '@zonedeck/api';

/** An error from any procedure of the contract, with its formatted `data` typed. */
export type ApiError = TRPCClientError<AppRouter>;

/** The host-command details the BFF attaches when `vmadm`, `sysinfo`… failed. */
export type HostErrorInfo = NonNullable<NonNullable<ApiError['data']>['hostError']>;

export function isApiError(error: unknown): error is ApiError {
  return isTRPCClientError<AppRouter>(error);
}

/** The tRPC error code (`UNAUTHORIZED`, `NOT_FOUND`…), or null for network and other errors. */
export function errorCode(error: unknown): string | null {
  return isApiError(error) ? (error.data?.code ?? null) : null;
}

export function isUnauthorized(error: unknown): boolean {
  return errorCode(error) === 'UNAUTHORIZED';
}

/** Errors that asking again cannot fix: the session, the role, or the input is wrong. */
export function isPermanent(error: unknown): boolean {
  const code = errorCode(error);
  if (code === 'UNAUTHORIZED' || code === 'FORBIDDEN' || code === 'BAD_REQUEST' || code === 'NOT_FOUND') {
    return true;
  }
  // A host command that ran and failed fails the same way again; the user has Retry.
  return hostErrorOf(error) !== null;
}

export function hostErrorOf(error: unknown): HostErrorInfo | null {
  return isApiError(error) ? (error.data?.hostError ?? null) : null;
}

/** Per-field messages from the server's zod validation, e.g. `{ username: ['enter a user name'] }`. */
export function fieldErrorsOf(error: unknown): Partial<Record<string, string[]>> {
  if (!isApiError(error)) return {};
  return error.data?.zodError?.fieldErrors ?? {};
}
