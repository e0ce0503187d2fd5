'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';

import { LOGIN_PATH, useTRPC } from '../../trpc/provider';

/** Ends a session; ending your own signs you out here. */
export function useRevokeSession() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation(
    trpc.sessions.revoke.mutationOptions({
      onSuccess: (result) => {
        if (result.current) {
          queryClient.clear();
          router.replace(LOGIN_PATH);
          return;
        }
        toast.success('Session ended');
        void queryClient.invalidateQueries({ queryKey: trpc.sessions.mine.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.sessions.all.queryKey() });
      },
      onError: (error) => toast.error(`Could not end the session: ${error.message}`),
    }),
  );
}
