'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Suspense } from 'react';

import { LOGIN_PATH, useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { Skeleton } from '../common/Skeleton';
import { HostSwitcher } from '../hosts/HostSwitcher';
import { CommandCenter } from '../palette/CommandCenter';
import { ThemeSwitcher } from '../theme/ThemeSwitcher';
import { MainNav } from './MainNav';

function SignedInUser() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());

  if (me.isPending) return <Skeleton className="h-4 w-28" />;
  // UNAUTHORIZED already sends the app to /login (query cache); anything else is shown small.
  if (me.isError) return <span className="text-xs text-red-700 dark:text-red-400">user unknown</span>;
  return (
    <span className="flex items-center gap-2">
      <span className="font-medium">{me.data.username}</span>
      <span className="rounded bg-sunken px-1.5 py-px text-xs text-ink-muted ring-1 ring-line ring-inset">
        {me.data.role}
      </span>
    </span>
  );
}

function SignOutButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      // Even when the session had already expired, the user wants out: leave nothing cached.
      onSettled: () => {
        queryClient.clear();
        router.replace(LOGIN_PATH);
      },
    }),
  );

  return (
    <Button variant="ghost" onClick={() => logout.mutate()} disabled={logout.isPending}>
      Sign out
    </Button>
  );
}

export function AppHeader() {
  return (
    <header className="sticky top-0 z-10 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-12 w-full max-w-7xl items-center gap-4 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid size-6 place-items-center rounded bg-accent text-xs text-accent-ink"
          >
            Z
          </span>
          ZoneDeck
        </Link>
        <MainNav />
        <div className="ml-auto flex shrink-0 items-center gap-3">
          <HostSwitcher />
          {/* It reads ?host= from the URL, which the server-rendered shell does not wait for. */}
          <Suspense fallback={null}>
            <CommandCenter />
          </Suspense>
          <ThemeSwitcher />
          <SignedInUser />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
