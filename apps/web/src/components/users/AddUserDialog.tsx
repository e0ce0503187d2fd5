'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { toast } from 'sonner';

import { fieldErrorsOf } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { FormError, formText, inputClass, TextField } from '../account/TextField';
import { Button } from '../common/Button';
import { ModalDialog } from '../common/ModalDialog';
import { ROLES, type Role } from './roles';

/** Adds a user with a role and an initial password (which they can change on their account page). */
export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: (user) => {
        toast.success(`Added ${user.username} (${user.role})`);
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onClose();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    create.mutate({
      username: formText(data, 'username'),
      role: formText(data, 'role') as Role,
      password: formText(data, 'password'),
    });
  }

  const fieldErrors = fieldErrorsOf(create.error);
  return (
    <ModalDialog
      open={open}
      title="Add a user"
      onClose={() => {
        create.reset();
        onClose();
      }}
    >
      <form onSubmit={onSubmit} aria-label="Add a user" noValidate className="space-y-3">
        <TextField name="username" label="User name" errors={fieldErrors.username} />
        <div>
          <label htmlFor="add-user-role" className="mb-1 block text-sm font-medium">
            Role
          </label>
          <select id="add-user-role" name="role" defaultValue="viewer" className={inputClass}>
            {ROLES.map((r) => (
              <option key={r.role} value={r.role}>
                {r.role}: {r.may}
              </option>
            ))}
          </select>
        </div>
        <TextField
          name="password"
          label="Initial password (at least 12 characters)"
          type="password"
          autoComplete="new-password"
          errors={fieldErrors.password}
        />
        <FormError error={create.error} fieldErrors={fieldErrors} />
        <div className="flex justify-end gap-2">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Add user
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
