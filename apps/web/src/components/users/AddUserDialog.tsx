'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';

import { useTRPC } from '../../trpc/provider';
import { MutationForm } from '../account/MutationForm';
import { formText, inputClass, TextField } from '../account/TextField';
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

  function onSubmit(data: FormData) {
    create.mutate({
      username: formText(data, 'username'),
      role: formText(data, 'role') as Role,
      password: formText(data, 'password'),
    });
  }

  return (
    <ModalDialog
      open={open}
      title="Add a user"
      onClose={() => {
        create.reset();
        onClose();
      }}
    >
      <MutationForm label="Add a user" mutation={create} onSubmit={onSubmit} submit="Add user" align="end">
        {(fieldErrors) => (
          <>
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
          </>
        )}
      </MutationForm>
    </ModalDialog>
  );
}
