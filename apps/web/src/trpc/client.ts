import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';

import type { AppRouter } from '@zonedeck/api';

/** The BFF serves tRPC on the app's own origin; the session cookie rides along. */
const TRPC_PATH = '/api/trpc';

/**
 * Sent with every query and mutation. The BFF refuses mutations without it (apps/bff/src/http/
 * csrfGuard.ts): a cross-site form cannot send a custom header, nor can another origin's script
 * without a CORS preflight the BFF never grants.
 */
const CSRF_HEADERS = { 'x-zonedeck-csrf': '1' } as const;

export function createApiClient(): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // Server-sent events (GET); EventSource sends same-origin cookies and Sec-Fetch-Site itself.
        true: httpSubscriptionLink({ url: TRPC_PATH }),
        false: httpBatchLink({
          url: TRPC_PATH,
          headers: CSRF_HEADERS,
          fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
        }),
      }),
    ],
  });
}
