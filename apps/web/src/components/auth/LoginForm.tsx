'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';

import { errorCode, fieldErrorsOf } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';

const inputClass =
  'block h-9 w-full rounded-md border border-line-strong bg-surface px-2.5 text-sm text-ink shadow-xs placeholder:text-ink-faint focus:border-accent focus:outline-2 focus:outline-accent/30 aria-invalid:border-red-500';

function formMessage(error: unknown): string | null {
  if (!error) return null;
  const code = errorCode(error);
  // The field errors say what is wrong.
  if (code === 'BAD_REQUEST' && Object.keys(fieldErrorsOf(error)).length > 0) return null;
  // The server's words: wrong credentials (never which), a used code, or how long to wait.
  return error instanceof Error && error.message ? error.message : 'sign-in failed';
}

function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

function Field({
  name,
  label,
  type,
  autoComplete,
  inputMode,
  errors,
}: {
  name: 'username' | 'password' | 'code';
  label: string;
  type: 'text' | 'password';
  inputMode?: 'numeric';
  autoComplete: string;
  errors: string[] | undefined;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const invalid = errors !== undefined && errors.length > 0;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        autoFocus={name === 'code'}
        autoCapitalize="none"
        spellCheck={false}
        aria-required="true"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        className={inputClass}
      />
      {invalid ? (
        <p id={errorId} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {errors.join('; ')}
        </p>
      ) : null}
    </div>
  );
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
        ? { ...pending, code: textField(form, 'code') }
        : { username: textField(form, 'username'), password: textField(form, 'password') },
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
          <Field
            name="code"
            label="Authentication code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            errors={fieldErrors.code}
          />
        </>
      ) : (
        <>
          <Field
            name="username"
            label="User name"
            type="text"
            autoComplete="username"
            errors={fieldErrors.username}
          />
          <Field
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
