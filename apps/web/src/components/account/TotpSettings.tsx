'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';

import type { Account } from '@zonedeck/api/schemas';

import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { MutationForm } from './MutationForm';
import { QrCode } from './QrCode';
import { CurrentPasswordField, formText, TextField } from './TextField';

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
    return (
      <MutationForm
        label="Turn off two-factor sign-in"
        className="max-w-sm space-y-3"
        mutation={disable}
        onSubmit={(data) => disable.mutate({ currentPassword: formText(data, 'currentPassword') })}
        submit="Turn off"
        submitVariant="danger"
      >
        {(fieldErrors) => (
          <>
            <p className="text-sm">
              <span className="font-medium text-green-700 dark:text-green-400">On.</span> Signing in asks for
              a code from your authenticator app.
            </p>
            <CurrentPasswordField errors={fieldErrors.currentPassword} />
          </>
        )}
      </MutationForm>
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
  return (
    <div className="flex flex-wrap gap-6">
      <QrCode rows={enrolment.qr} label="QR code of the TOTP secret" />
      <MutationForm
        label="Confirm two-factor sign-in"
        className="max-w-md min-w-0 flex-1 space-y-3"
        mutation={confirm}
        onSubmit={(data) => confirm.mutate({ code: formText(data, 'code') })}
        submit="Confirm"
        actions={<Button onClick={() => begin.reset()}>Cancel</Button>}
      >
        {(fieldErrors) => (
          <>
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
          </>
        )}
      </MutationForm>
    </div>
  );
}
