'use client';

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';

import type { AppRouter } from '@zonedeck/api';

import './zodConfig';

import { createApiClient } from './client';
import { createQueryClient } from './queryClient';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export const LOGIN_PATH = '/login';

/** How the browser's query cache reaches the router; set by the mounted provider. */
let replaceRoute: ((path: string) => void) | null = null;

function goToLogin(): void {
  if (window.location.pathname === LOGIN_PATH) return;
  if (replaceRoute) replaceRoute(LOGIN_PATH);
  else window.location.assign(LOGIN_PATH);
}

let browserQueryClient: QueryClient | undefined;

/**
 * One QueryClient per browser tab, so a suspended first render never drops the cache; a fresh
 * one per server render (the static prerender of the shell), which never fetches.
 */
function getQueryClient(): QueryClient {
  if (typeof window === 'undefined') return createQueryClient({ onUnauthorized: () => {} });
  browserQueryClient ??= createQueryClient({ onUnauthorized: goToLogin });
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    replaceRoute = (path) => router.replace(path);
    return () => {
      replaceRoute = null;
    };
  }, [router]);

  const queryClient = getQueryClient();
  const [trpcClient] = useState(createApiClient);

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
