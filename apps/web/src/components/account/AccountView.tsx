'use client';

import { useQuery } from '@tanstack/react-query';

import { useNow } from '../../hooks/useNow';
import { useTRPC } from '../../trpc/provider';
import { ErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { RelativeTime } from '../common/RelativeTime';
import { Skeleton } from '../common/Skeleton';
import { PasswordChange } from './PasswordChange';
import { SessionsTable } from './SessionsTable';
import { TotpSettings } from './TotpSettings';
import { useRevokeSession } from './useRevokeSession';

/** The signed-in user's own account: password, second factor, and where they are signed in. */
export function AccountView() {
  const trpc = useTRPC();
  const account = useQuery(trpc.auth.account.queryOptions());
  const sessions = useQuery(trpc.sessions.mine.queryOptions());
  const revoke = useRevokeSession();
  const now = useNow(15_000);

  if (account.isPending) return <Skeleton className="h-6 w-64" />;
  if (account.isError) return <ErrorPanel title="Could not read your account" error={account.error} />;
  const a = account.data;
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold tracking-tight">Your account</h1>
      <p className="text-sm text-ink-muted">
        <span className="font-medium text-ink">{a.username}</span> ({a.role}), since{' '}
        <RelativeTime iso={a.createdAt} now={now} />
        {a.lastLoginAt ? (
          <>
            , last signed in <RelativeTime iso={a.lastLoginAt} now={now} />
          </>
        ) : null}
      </p>
      <Panel label="Password" title="Password">
        <PasswordChange />
      </Panel>
      <Panel label="Two-factor sign-in" title="Two-factor sign-in">
        <TotpSettings account={a} />
      </Panel>
      <Panel label="Your sessions" title="Your sessions">
        {sessions.isPending ? (
          <Skeleton className="h-4 w-full" />
        ) : sessions.isError ? (
          <ErrorPanel title="Could not list your sessions" error={sessions.error} />
        ) : (
          <div className="-mx-4 -my-4">
            <SessionsTable
              sessions={sessions.data}
              now={now}
              onRevoke={(s) => revoke.mutate({ id: s.id })}
              revoking={revoke.isPending ? (revoke.variables.id ?? null) : null}
            />
          </div>
        )}
      </Panel>
    </div>
  );
}
