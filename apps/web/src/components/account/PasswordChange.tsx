'use client';

import { useMutation } from '@tanstack/react-query';
import { toast } from 'sonner';

import { useTRPC } from '../../trpc/provider';
import { MutationForm } from './MutationForm';
import { CurrentPasswordField, formText, TextField } from './TextField';

/** Change your own password: the current one first. Your other sessions end. */
export function PasswordChange() {
  const trpc = useTRPC();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());

  function onSubmit(data: FormData, form: HTMLFormElement) {
    change.mutate(
      { currentPassword: formText(data, 'currentPassword'), newPassword: formText(data, 'newPassword') },
      {
        onSuccess: () => {
          form.reset();
          toast.success('Password changed; your other sessions have ended');
        },
      },
    );
  }

  return (
    <MutationForm
      label="Change password"
      className="max-w-sm space-y-3"
      mutation={change}
      onSubmit={onSubmit}
      submit="Change password"
    >
      {(fieldErrors) => (
        <>
          <CurrentPasswordField errors={fieldErrors.currentPassword} />
          <TextField
            name="newPassword"
            label="New password (at least 12 characters)"
            type="password"
            autoComplete="new-password"
            errors={fieldErrors.newPassword}
          />
        </>
      )}
    </MutationForm>
  );
}
