import { Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';

import type { KeyValueRow } from '../../lib/vmUpdate';
import { Button } from '../common/Button';
import { inputClass, textareaClass } from './FormField';

/**
 * Editable key / value rows (tags, customer metadata). A value under a key such as
 * `user-script` gets a textarea; `what` names a row for buttons and labels ("tag").
 */
export function KeyValueRows({
  legend,
  what,
  rows,
  onChange,
  error,
  multiline = () => false,
}: {
  legend: string;
  what: string;
  rows: readonly KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  error?: string | undefined;
  multiline?: (key: string) => boolean;
}) {
  const errorId = useId();
  const update = (index: number, change: Partial<KeyValueRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-xs font-medium text-ink">{legend}</legend>
      {rows.length === 0 ? <p className="text-xs text-ink-faint">None.</p> : null}
      <div className="space-y-1.5">
        {rows.map((row, index) => (
          <div key={index} className="flex items-start gap-2">
            <input
              aria-label={`${what} ${index + 1} name`}
              value={row.key}
              onChange={(e) => update(index, { key: e.target.value })}
              spellCheck={false}
              autoComplete="off"
              className={`${inputClass} w-44! shrink-0 font-mono text-xs`}
            />
            {multiline(row.key.trim()) ? (
              <textarea
                aria-label={`${what} ${index + 1} value`}
                value={row.value}
                onChange={(e) => update(index, { value: e.target.value })}
                spellCheck={false}
                className={textareaClass}
              />
            ) : (
              <input
                aria-label={`${what} ${index + 1} value`}
                value={row.value}
                onChange={(e) => update(index, { value: e.target.value })}
                spellCheck={false}
                autoComplete="off"
                className={`${inputClass} font-mono text-xs`}
              />
            )}
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Remove ${what} ${row.key.trim() || index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              className="mt-0.5"
            >
              <Trash2 aria-hidden="true" className="size-3.5" />
            </Button>
          </div>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        className="mt-1.5"
        onClick={() => onChange([...rows, { key: '', value: '' }])}
      >
        <Plus aria-hidden="true" className="size-3.5" />
        Add {what}
      </Button>
    </fieldset>
  );
}
