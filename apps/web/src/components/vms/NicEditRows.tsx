'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';

import type { NicEditRow, NicRowErrors } from '../../lib/vmNicEdit';
import { newNicRow } from '../../lib/vmNicEdit';
import { Button } from '../common/Button';
import { NicAddressFields, type NicTagsState } from './NicAddressFields';

const MAX_NICS = 8;

function rowName(row: NicEditRow, index: number): string {
  return row.interface ?? `new NIC ${index + 1}`;
}

/**
 * A VM's NICs in the edit dialog: each one's address, which one is primary, remove and add;
 * a new NIC also chooses its nic tag.
 */
export function NicEditRows({
  rows,
  onChange,
  errors,
  nicTags,
}: {
  rows: readonly NicEditRow[];
  onChange: (rows: NicEditRow[]) => void;
  /** Per row, the problems to show now. */
  errors: readonly NicRowErrors[];
  nicTags: NicTagsState;
}) {
  const id = useId();
  const update = (index: number, change: Partial<NicEditRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const makePrimary = (index: number) => onChange(rows.map((row, i) => ({ ...row, primary: i === index })));
  const remove = (index: number) => {
    const rest = rows.filter((_, i) => i !== index);
    // Someone has to be primary: the first NIC takes over, as vmadm does.
    onChange(rest.some((r) => r.primary) ? rest : rest.map((r, i) => ({ ...r, primary: i === 0 })));
  };

  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-xs font-medium text-ink">NICs</legend>
      {rows.length === 0 ? <p className="text-xs text-ink-faint">None: the VM has no network.</p> : null}
      {rows.map((row, index) => {
        const name = rowName(row, index);
        return (
          <fieldset
            key={row.mac ?? `new-${index}`}
            aria-label={name}
            className="space-y-3 rounded-md border border-line p-3"
          >
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
              <span className="font-mono text-xs font-medium">{name}</span>
              {row.mac ? <span className="font-mono text-xs text-ink-muted">{row.mac}</span> : null}
              <label className="inline-flex items-center gap-1.5 text-xs">
                <input
                  type="radio"
                  name={`${id}-primary`}
                  checked={row.primary}
                  onChange={() => makePrimary(index)}
                  className="accent-accent"
                />
                Primary
              </label>
              <Button
                variant="ghost"
                className="ml-auto"
                onClick={() => remove(index)}
                aria-label={`Remove ${name}`}
              >
                <Trash2 aria-hidden="true" className="size-3.5" />
                Remove
              </Button>
            </div>
            <NicAddressFields
              value={row}
              onChange={(change) => update(index, change)}
              tagLocked={row.mac !== null}
              errors={errors[index] ?? {}}
              nicTags={nicTags}
              radioName={`${id}-address-${index}`}
            />
          </fieldset>
        );
      })}
      <Button
        onClick={() => onChange([...rows, newNicRow(rows.length === 0)])}
        disabled={rows.length >= MAX_NICS}
      >
        <Plus aria-hidden="true" className="size-3.5" />
        Add NIC
      </Button>
    </fieldset>
  );
}
