'use client';

import { useId } from 'react';

export const inputClass =
  'block h-8 w-full rounded-md border border-line-strong bg-surface px-2.5 text-sm text-ink shadow-xs placeholder:text-ink-faint focus:border-accent focus:outline-2 focus:outline-accent/30 aria-invalid:border-red-500';

/** A labelled input with the server's per-field errors under it (uncontrolled: read with FormData). */
export function TextField({
  name,
  label,
  type = 'text',
  autoComplete = 'off',
  inputMode,
  errors,
  autoFocus,
}: {
  name: string;
  label: string;
  type?: 'text' | 'password';
  autoComplete?: string;
  inputMode?: 'numeric';
  errors?: string[] | undefined;
  autoFocus?: boolean;
}) {
  const id = useId();
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
        autoFocus={autoFocus}
        autoCapitalize="none"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className={inputClass}
      />
      {invalid ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {errors.join('; ')}
        </p>
      ) : null}
    </div>
  );
}

/** The signed-in user's own password, asked again before their sign-in settings change. */
export function CurrentPasswordField({ errors }: { errors: string[] | undefined }) {
  return (
    <TextField
      name="currentPassword"
      label="Current password"
      type="password"
      autoComplete="current-password"
      errors={errors}
    />
  );
}

/** A form's string field from FormData ('' when absent). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The error of a failed form submit, as a line of text, unless the field errors already say it. */
export function FormError({
  error,
  fieldErrors,
}: {
  error: unknown;
  fieldErrors: Partial<Record<string, string[]>>;
}) {
  if (!error || Object.keys(fieldErrors).length > 0) return null;
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {error instanceof Error ? error.message : 'it failed'}
    </p>
  );
}
