import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

import { isPermanent, isUnauthorized } from './errors';

export interface QueryClientHooks {
  /** Called once per failed query or mutation whose error is UNAUTHORIZED: the session is gone. */
  onUnauthorized: () => void;
}

/** The app's one QueryClient shape: defaults for an admin console reading live host state. */
export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthorized(error)) hooks.onUnauthorized();
      },
    }),
    // A session ended elsewhere (revoked, user disabled) shows on the next click as much as on a read.
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnauthorized(error)) hooks.onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: {
        // Host state changes under us; later, subscriptions write events into the cache.
        staleTime: 15_000,
        // Network blips get two more tries; session, role, input and host-command errors none.
        retry: (failureCount, error) => !isPermanent(error) && failureCount < 2,
      },
      mutations: {
        retry: false,
      },
    },
  });
}
