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

export function createApiClient(): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // Server-sent events; EventSource sends same-origin cookies by itself.
        true: httpSubscriptionLink({ url: TRPC_PATH }),
        false: httpBatchLink({
          url: TRPC_PATH,
          fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
        }),
      }),
    ],
  });
}
