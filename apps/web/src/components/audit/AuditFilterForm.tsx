'use client';

import type { FormEvent } from 'react';

import type { AuditFilter } from '@zonedeck/api/schemas';

import { fromLocalInput, toLocalInput } from '../../lib/auditFilter';
import { inputClass } from '../account/TextField';
import { Button } from '../common/Button';

function field(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The audit log's server-side filter: user, action (prefix), target, result and a time range. */
export function AuditFilterForm({
  filter,
  onApply,
}: {
  filter: AuditFilter;
  onApply: (f: AuditFilter) => void;
}) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = fromLocalInput(field(data, 'from') ?? '');
    const to = fromLocalInput(field(data, 'to') ?? '');
    const result = field(data, 'result') as AuditFilter['result'];
    onApply({
      ...(field(data, 'user') ? { user: field(data, 'user') } : {}),
      ...(field(data, 'action') ? { action: field(data, 'action') } : {}),
      ...(field(data, 'target') ? { target: field(data, 'target') } : {}),
      ...(result ? { result } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
  }
  const box = (name: 'user' | 'action' | 'target', label: string, placeholder: string) => (
    <label className="text-xs font-medium text-ink-muted">
      {label}
      <input
        name={name}
        defaultValue={filter[name] ?? ''}
        placeholder={placeholder}
        className={`${inputClass} mt-1 w-36`}
      />
    </label>
  );
  // Keyed by the filter, so Clear and the back button reset what the fields show.
  return (
    <form
      key={JSON.stringify(filter)}
      aria-label="Audit filter"
      onSubmit={onSubmit}
      className="flex flex-wrap items-end gap-3"
    >
      {box('user', 'User', 'admin')}
      {box('action', 'Action', 'vm. or users.create')}
      {box('target', 'Target', 'uuid or name')}
      <label className="text-xs font-medium text-ink-muted">
        Result
        <select name="result" defaultValue={filter.result ?? ''} className={`${inputClass} mt-1 w-28`}>
          <option value="">any</option>
          <option value="ok">ok</option>
          <option value="error">error</option>
          <option value="refused">refused</option>
        </select>
      </label>
      <label className="text-xs font-medium text-ink-muted">
        From
        <input
          type="datetime-local"
          name="from"
          defaultValue={toLocalInput(filter.from)}
          className={`${inputClass} mt-1`}
        />
      </label>
      <label className="text-xs font-medium text-ink-muted">
        Until
        <input
          type="datetime-local"
          name="to"
          defaultValue={toLocalInput(filter.to)}
          className={`${inputClass} mt-1`}
        />
      </label>
      <Button type="submit" variant="primary">
        Apply
      </Button>
      <Button onClick={() => onApply({})}>Clear</Button>
    </form>
  );
}
