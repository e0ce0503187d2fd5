'use client';

import type { FormEvent, ReactNode } from 'react';

import { fieldErrorsOf } from '../../trpc/errors';
import { Button, type ButtonProps } from '../common/Button';
import { FormError } from './TextField';

type FieldErrors = Partial<Record<string, string[]>>;

/**
 * A form whose fields (read with FormData) go to one mutation: `children` gets the server's
 * per-field errors to show at the fields, any other error stands above the submit button, and the
 * button waits while the mutation runs.
 */
export function MutationForm({
  label,
  className = 'space-y-3',
  mutation,
  onSubmit,
  submit,
  submitVariant = 'primary',
  align = 'start',
  actions,
  children,
}: {
  /** The form's accessible name. */
  label: string;
  className?: string;
  mutation: { error: unknown; isPending: boolean };
  onSubmit: (data: FormData, form: HTMLFormElement) => void;
  /** The submit button's text. */
  submit: string;
  submitVariant?: ButtonProps['variant'];
  /** Where the buttons stand. */
  align?: 'start' | 'end';
  /** Buttons after the submit button. */
  actions?: ReactNode;
  children: (fieldErrors: FieldErrors) => ReactNode;
}) {
  const fieldErrors = fieldErrorsOf(mutation.error);
  return (
    <form
      aria-label={label}
      noValidate
      className={className}
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSubmit(new FormData(event.currentTarget), event.currentTarget);
      }}
    >
      {children(fieldErrors)}
      <FormError error={mutation.error} fieldErrors={fieldErrors} />
      <div className={align === 'end' ? 'flex justify-end gap-2' : 'flex gap-2'}>
        <Button type="submit" variant={submitVariant} disabled={mutation.isPending}>
          {submit}
        </Button>
        {actions}
      </div>
    </form>
  );
}
