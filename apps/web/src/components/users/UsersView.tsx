'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { useNow } from '../../hooks/useNow';
import { useTRPC } from '../../trpc/provider';
import { SessionsTable } from '../account/SessionsTable';
import { useRevokeSession } from '../account/useRevokeSession';
import { Button } from '../common/Button';
import { ErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { Skeleton } from '../common/Skeleton';
import { AddUserDialog } from './AddUserDialog';
import { UsersTable } from './UsersTable';

/** The users page (admins; the API refuses everyone else): users, their roles, and all sessions. */
export function UsersView() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const users = useQuery(trpc.users.list.queryOptions());
  const sessions = useQuery(
    trpc.sessions.all.queryOptions(undefined, { enabled: me.data?.role === 'admin' }),
  );
  const revoke = useRevokeSession();
  const [adding, setAdding] = useState(false);
  const now = useNow(15_000);

  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold tracking-tight">Users</h1>
      <Panel
        label="Users"
        title="Users"
        actions={
          users.isSuccess ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              Add user
            </Button>
          ) : null
        }
      >
        {users.isPending || me.isPending ? (
          <Skeleton className="h-4 w-full" />
        ) : users.isError ? (
          <ErrorPanel title="Could not list the users" error={users.error} />
        ) : (
          <div className="-mx-4 -my-4">
            <UsersTable users={users.data} meId={me.data?.id ?? ''} now={now} />
          </div>
        )}
      </Panel>
      {users.isSuccess ? (
        <Panel label="All sessions" title="All sessions">
          {sessions.isPending ? (
            <Skeleton className="h-4 w-full" />
          ) : sessions.isError ? (
            <ErrorPanel title="Could not list the sessions" error={sessions.error} />
          ) : (
            <div className="-mx-4 -my-4">
              <SessionsTable
                sessions={sessions.data}
                now={now}
                showUser
                onRevoke={(s) => revoke.mutate({ id: s.id })}
                revoking={revoke.isPending ? (revoke.variables.id ?? null) : null}
              />
            </div>
          )}
        </Panel>
      ) : null}
      <AddUserDialog open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
