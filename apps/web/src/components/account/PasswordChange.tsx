'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { toast } from 'sonner';

import { fieldErrorsOf } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { FormError, formText, TextField } from './TextField';

/** Change your own password: the current one first. Your other sessions end. */
export function PasswordChange() {
  const trpc = useTRPC();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
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

  const fieldErrors = fieldErrorsOf(change.error);
  return (
    <form onSubmit={onSubmit} aria-label="Change password" noValidate className="max-w-sm space-y-3">
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={fieldErrors.currentPassword}
      />
      <TextField
        name="newPassword"
        label="New password (at least 12 characters)"
        type="password"
        autoComplete="new-password"
        errors={fieldErrors.newPassword}
      />
      <FormError error={change.error} fieldErrors={fieldErrors} />
      <Button type="submit" variant="primary" disabled={change.isPending}>
        Change password
      </Button>
    </form>
  );
}
