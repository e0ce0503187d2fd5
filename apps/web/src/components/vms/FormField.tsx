import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

export const inputClass =
  'block h-8 w-full rounded-md border border-line-strong bg-surface px-2.5 text-sm text-ink shadow-xs placeholder:text-ink-faint focus:border-accent focus:outline-2 focus:outline-accent/30 disabled:opacity-60 aria-invalid:border-red-500 aria-invalid:focus:outline-red-500/30';

export const textareaClass = inputClass.replace('h-8', 'min-h-20 py-1.5 font-mono text-xs leading-relaxed');

interface FieldShell {
  label: string;
  /** Shown under the input, and read as its description. */
  hint?: ReactNode;
  /** Why the value is refused; marks the input invalid. */
  error?: string | undefined;
  /** A unit after the input: "MiB". */
  suffix?: string;
  className?: string;
}

function Messages({
  hintId,
  errorId,
  hint,
  error,
}: {
  hintId: string;
  errorId: string;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <>
      {error ? (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-ink-muted">
          {hint}
        </p>
      ) : null}
    </>
  );
}

function describedBy(hintId: string, errorId: string, hint: ReactNode, error: string | undefined) {
  return [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
}

/** What a field's control carries so that its label, hint and error belong to it. */
interface ControlIds {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The label, hint and error around one control; `control` renders the input with the ids given. */
function FieldFrame({
  label,
  hint,
  error,
  className,
  control,
}: Omit<FieldShell, 'suffix'> & { control: (ids: ControlIds) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-ink">
        {label}
      </label>
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(hintId, errorId, hint, error),
      })}
      <Messages hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}

/** A field's own props (label, hint, error, suffix, class) apart from its control's. */
function splitField<P extends FieldShell>({ label, hint, error, suffix, className = '', ...control }: P) {
  return { shell: { label, hint, error, className }, suffix, control };
}

/** A labelled input whose error is shown at it and read as part of its description. */
export function TextField(props: FieldShell & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>) {
  const { shell, suffix, control } = splitField(props);
  return (
    <FieldFrame
      {...shell}
      control={(ids) => (
        <div className="flex items-center gap-2">
          <input {...ids} className={inputClass} spellCheck={false} autoComplete="off" {...control} />
          {suffix ? <span className="w-7 shrink-0 text-xs text-ink-muted">{suffix}</span> : null}
        </div>
      )}
    />
  );
}

export function TextAreaField(
  props: FieldShell & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>,
) {
  const { shell, control } = splitField(props);
  return (
    <FieldFrame
      {...shell}
      control={(ids) => <textarea {...ids} className={textareaClass} spellCheck={false} {...control} />}
    />
  );
}

/** A labelled select; its options are the children. */
export function SelectField(props: FieldShell & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'>) {
  const { shell, control } = splitField(props);
  return <FieldFrame {...shell} control={(ids) => <select {...ids} className={inputClass} {...control} />} />;
}
