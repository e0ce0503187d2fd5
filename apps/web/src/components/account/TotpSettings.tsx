'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { toast } from 'sonner';

import type { Account } from '@zonedeck/api/schemas';

import { fieldErrorsOf } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { QrCode } from './QrCode';
import { FormError, formText, TextField } from './TextField';

/**
 * The optional second factor: enrol (a new secret as QR code, text and otpauth:// URI, shown
 * only now, confirmed with a code from the app) or turn it off with the password.
 */
export function TotpSettings({ account }: { account: Account }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.auth.account.queryKey() });
  const begin = useMutation(trpc.auth.totp.begin.mutationOptions());
  const confirm = useMutation(
    trpc.auth.totp.confirm.mutationOptions({
      onSuccess: () => {
        begin.reset();
        toast.success('Two-factor sign-in is on');
        void refresh();
      },
    }),
  );
  const disable = useMutation(
    trpc.auth.totp.disable.mutationOptions({
      onSuccess: () => {
        toast.success('Two-factor sign-in is off');
        void refresh();
      },
    }),
  );

  if (account.totpEnabled) {
    const fieldErrors = fieldErrorsOf(disable.error);
    return (
      <form
        aria-label="Turn off two-factor sign-in"
        noValidate
        className="max-w-sm space-y-3"
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          disable.mutate({ currentPassword: formText(new FormData(event.currentTarget), 'currentPassword') });
        }}
      >
        <p className="text-sm">
          <span className="font-medium text-green-700 dark:text-green-400">On.</span> Signing in asks for a
          code from your authenticator app.
        </p>
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          errors={fieldErrors.currentPassword}
        />
        <FormError error={disable.error} fieldErrors={fieldErrors} />
        <Button type="submit" variant="danger" disabled={disable.isPending}>
          Turn off
        </Button>
      </form>
    );
  }

  if (!begin.data) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-ink-muted">
          Off. With it on, signing in also asks for a code from an authenticator app (RFC 6238 TOTP).
        </p>
        <Button variant="primary" onClick={() => begin.mutate()} disabled={begin.isPending}>
          Set up two-factor sign-in
        </Button>
      </div>
    );
  }

  const enrolment = begin.data;
  const fieldErrors = fieldErrorsOf(confirm.error);
  return (
    <div className="flex flex-wrap gap-6">
      <QrCode rows={enrolment.qr} label="QR code of the TOTP secret" />
      <form
        aria-label="Confirm two-factor sign-in"
        noValidate
        className="max-w-md min-w-0 flex-1 space-y-3"
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          confirm.mutate({ code: formText(new FormData(event.currentTarget), 'code') });
        }}
      >
        <p className="text-sm">
          Scan the code with your app, or enter the secret by hand. It is shown only now.
        </p>
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="text-xs text-ink-muted">Secret</dt>
            <dd data-testid="totp-secret" className="font-mono break-all select-all">
              {enrolment.secret}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-ink-muted">URI</dt>
            <dd className="font-mono text-xs break-all select-all">{enrolment.uri}</dd>
          </div>
        </dl>
        <TextField
          name="code"
          label="Code from the app"
          inputMode="numeric"
          autoComplete="one-time-code"
          errors={fieldErrors.code}
        />
        <FormError error={confirm.error} fieldErrors={fieldErrors} />
        <div className="flex gap-2">
          <Button type="submit" variant="primary" disabled={confirm.isPending}>
            Confirm
          </Button>
          <Button onClick={() => begin.reset()}>Cancel</Button>
        </div>
      </form>
    </div>
  );
}
