'use client';

import { useQuery } from '@tanstack/react-query';

import type { Role } from '@zonedeck/api/schemas';

import { useTRPC } from '../trpc/provider';

/** Whether the signed-in user is an admin: the storage, image and service actions are theirs only. */
export function useIsAdmin(): boolean {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  return me.data?.role === 'admin';
}

/** The signed-in user's role; null until `auth.me` has answered. */
export function useRole(): Role | null {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  return me.data?.role ?? null;
}
