'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { toast } from 'sonner';

import type { UserEntry } from '@zonedeck/api/schemas';

import { fieldErrorsOf } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { FormError, formText, TextField } from '../account/TextField';
import { Button } from '../common/Button';
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
  const fieldErrors = fieldErrorsOf(reset.error);
  return (
    <ModalDialog
      open={user !== null}
      title={`Reset the password of ${user?.username ?? ''}`}
      onClose={() => {
        reset.reset();
        onClose();
      }}
    >
      <form
        aria-label="Reset password"
        noValidate
        className="space-y-3"
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          if (user)
            reset.mutate({
              userId: user.id,
              password: formText(new FormData(event.currentTarget), 'password'),
            });
        }}
      >
        <TextField
          name="password"
          label="New password (at least 12 characters)"
          type="password"
          autoComplete="new-password"
          errors={fieldErrors.password}
        />
        <FormError error={reset.error} fieldErrors={fieldErrors} />
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={reset.isPending}>
            Set password
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
