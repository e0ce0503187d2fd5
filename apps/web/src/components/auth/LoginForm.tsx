'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { errorCode, fieldErrorsOf } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { formText, TextField } from '../account/TextField';
import { Button } from '../common/Button';

function formMessage(error: unknown): string | null {
  if (!error) return null;
  const code = errorCode(error);
  // The field errors say what is wrong.
  if (code === 'BAD_REQUEST' && Object.keys(fieldErrorsOf(error)).length > 0) return null;
  // The server's words: wrong credentials (never which), a used code, or how long to wait.
  return error instanceof Error && error.message ? error.message : 'sign-in failed';
}

export function LoginForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  // After a right password for a user with a second factor: the credentials, until the code is given.
  const [pending, setPending] = useState<{ username: string; password: string } | null>(null);
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (result, input) => {
        if (result.status === 'code-required') {
          setPending({ username: input.username, password: input.password });
          return;
        }
        // Drop whatever the previous session left (errors included), then seed who we are.
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), result.user);
        router.replace('/');
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate(
      pending
        ? { ...pending, code: formText(form, 'code') }
        : { username: formText(form, 'username'), password: formText(form, 'password') },
    );
  }

  const fieldErrors = fieldErrorsOf(login.error);
  const message = formMessage(login.error);

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Sign in"
      className="space-y-4 rounded-lg border border-line bg-surface p-6 shadow-sm"
    >
      {pending ? (
        <>
          <p className="text-sm text-ink-muted">
            Enter the code your authenticator app shows for {pending.username}.
          </p>
          <TextField
            name="code"
            label="Authentication code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            errors={fieldErrors.code}
          />
        </>
      ) : (
        <>
          <TextField
            name="username"
            label="User name"
            type="text"
            autoComplete="username"
            errors={fieldErrors.username}
          />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            errors={fieldErrors.password}
          />
        </>
      )}
      {message ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {message}
        </p>
      ) : null}
      <Button type="submit" variant="primary" className="h-9 w-full" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : pending ? 'Verify' : 'Sign in'}
      </Button>
      {pending ? (
        <Button
          variant="ghost"
          className="w-full"
          onClick={() => {
            setPending(null);
            login.reset();
          }}
        >
          Use another account
        </Button>
      ) : null}
    </form>
  );
}
