'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';

import type { UserEntry } from '@zonedeck/api/schemas';

import { useTRPC } from '../../trpc/provider';
import { MutationForm } from '../account/MutationForm';
import { formText, TextField } from '../account/TextField';
import { ModalDialog } from '../common/ModalDialog';

/** Sets a new password for a user; their sessions end. */
export function ResetPasswordDialog({ user, onClose }: { user: UserEntry | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (u) => {
        toast.success(`New password set for ${u.username}; their sessions have ended`);
        void queryClient.invalidateQueries({ queryKey: trpc.sessions.all.queryKey() });
        onClose();
      },
    }),
  );
  return (
    <ModalDialog
      open={user !== null}
      title={`Reset the password of ${user?.username ?? ''}`}
      onClose={() => {
        reset.reset();
        onClose();
      }}
    >
      <MutationForm
        label="Reset password"
        mutation={reset}
        onSubmit={(data) => {
          if (user) reset.mutate({ userId: user.id, password: formText(data, 'password') });
        }}
        submit="Set password"
        align="end"
      >
        {(fieldErrors) => (
          <TextField
            name="password"
            label="New password (at least 12 characters)"
            type="password"
            autoComplete="new-password"
            errors={fieldErrors.password}
          />
        )}
      </MutationForm>
    </ModalDialog>
  );
}
