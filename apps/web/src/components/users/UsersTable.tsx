'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';

import type { UserEntry } from '@zonedeck/api/schemas';

import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { RelativeTime } from '../common/RelativeTime';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { ROLES, type Role } from './roles';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-2 align-middle';

type Pending = { kind: 'disable' | 'totp'; user: UserEntry } | null;

/** Every user with their role (changeable), state and the admin's actions on them. */
export function UsersTable({ users, meId, now }: { users: readonly UserEntry[]; meId: string; now: Date }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Pending>(null);
  const [resetting, setResetting] = useState<UserEntry | null>(null);
  const done = (message: string) => () => {
    toast.success(message);
    void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.sessions.all.queryKey() });
  };
  const failed = (error: { message: string }) => toast.error(error.message);
  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({ onSuccess: done('Role changed'), onError: failed }),
  );
  const setDisabled = useMutation(
    trpc.users.setDisabled.mutationOptions({ onSuccess: done('User updated'), onError: failed }),
  );
  const resetTotp = useMutation(
    trpc.users.resetTotp.mutationOptions({ onSuccess: done('Two-factor sign-in reset'), onError: failed }),
  );
  const unlock = useMutation(
    trpc.users.unlock.mutationOptions({ onSuccess: done('Unlocked'), onError: failed }),
  );

  return (
    <div className="overflow-x-auto">
      <table aria-label="Users" className="w-full border-collapse text-sm">
        <thead className="border-b border-line bg-sunken">
          <tr>
            {['User', 'Role', 'State', 'Created', 'Last sign-in', ''].map((label, i) => (
              <th key={i} scope="col" className={th}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {users.map((u) => {
            const self = u.id === meId;
            return (
              <tr key={u.id} aria-label={u.username}>
                <td className={`${td} font-medium`}>
                  {u.username}
                  {self ? <span className="ml-2 text-xs text-ink-muted">(you)</span> : null}
                </td>
                <td className={td}>
                  <select
                    aria-label={`Role of ${u.username}`}
                    value={u.role}
                    disabled={self || setRole.isPending}
                    onChange={(e) => setRole.mutate({ userId: u.id, role: e.target.value as Role })}
                    className="h-7 rounded-md border border-line-strong bg-surface px-1.5 text-sm"
                  >
                    {ROLES.map((r) => (
                      <option key={r.role} value={r.role}>
                        {r.role}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={td}>
                  <span className={u.disabled ? 'font-medium text-red-700 dark:text-red-400' : ''}>
                    {u.disabled ? 'disabled' : 'active'}
                  </span>
                  {u.totpEnabled ? <span className="ml-2 text-xs text-ink-muted">2FA</span> : null}
                  {u.lockedUntil ? (
                    <span className="ml-2 text-xs text-amber-700 dark:text-amber-400">
                      locked until <RelativeTime iso={u.lockedUntil} now={now} />
                    </span>
                  ) : null}
                </td>
                <td className={`${td} text-ink-muted`}>
                  <RelativeTime iso={u.createdAt} now={now} />
                </td>
                <td className={`${td} text-ink-muted`}>
                  {u.lastLoginAt ? <RelativeTime iso={u.lastLoginAt} now={now} /> : 'never'}
                </td>
                <td className={`${td} text-right whitespace-nowrap`}>
                  <div className="flex justify-end gap-1.5">
                    {u.lockedUntil ? (
                      <Button size="sm" onClick={() => unlock.mutate({ userId: u.id })}>
                        Unlock
                      </Button>
                    ) : null}
                    <Button size="sm" onClick={() => setResetting(u)}>
                      Reset password
                    </Button>
                    {u.totpEnabled ? (
                      <Button size="sm" onClick={() => setConfirming({ kind: 'totp', user: u })}>
                        Reset 2FA
                      </Button>
                    ) : null}
                    {u.disabled ? (
                      <Button size="sm" onClick={() => setDisabled.mutate({ userId: u.id, disabled: false })}>
                        Enable
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="danger"
                        disabled={self}
                        onClick={() => setConfirming({ kind: 'disable', user: u })}
                      >
                        Disable
                      </Button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming?.kind === 'disable'
            ? `Disable ${confirming.user.username}?`
            : `Reset two-factor sign-in of ${confirming?.user.username ?? ''}?`
        }
        confirmLabel={confirming?.kind === 'disable' ? 'Disable' : 'Reset 2FA'}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming?.kind === 'disable')
            setDisabled.mutate({ userId: confirming.user.id, disabled: true });
          else if (confirming) resetTotp.mutate({ userId: confirming.user.id });
          setConfirming(null);
        }}
      >
        {confirming?.kind === 'disable'
          ? 'They are signed out everywhere at once and cannot sign in until enabled again.'
          : 'They sign in with their password alone until they set up a new authenticator.'}
      </ConfirmDialog>
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
