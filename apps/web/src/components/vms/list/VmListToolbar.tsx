import { Search, X } from 'lucide-react';

import type { VmState } from '@zonedeck/api/schemas';

import { vmStateLabel, type BrandFamily } from '../../../lib/format';
import { isFiltered, VM_STATES, type VmListView } from '../../../lib/vmListView';
import { Button } from '../../common/Button';

const BRAND_OPTIONS: readonly { value: BrandFamily; label: string }[] = [
  { value: 'OS', label: 'OS zones' },
  { value: 'LX', label: 'LX zones' },
  { value: 'KVM', label: 'KVM' },
  { value: 'bhyve', label: 'bhyve' },
];

const control =
  'h-8 rounded-md border border-line-strong bg-surface px-2 text-sm text-ink focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent';

/** The VM list's filters: text, brand and state, and how many VMs they let through. */
export function VmListToolbar({
  view,
  onChange,
  shown,
  total,
}: {
  view: VmListView;
  onChange: (view: VmListView) => void;
  shown: number;
  total: number;
}) {
  return (
    <div role="search" aria-label="Filter VMs" className="flex flex-wrap items-center gap-2 px-4 py-3">
      <label className="relative flex min-w-56 flex-1 items-center">
        <span className="sr-only">Filter VMs by text</span>
        <Search aria-hidden="true" className="pointer-events-none absolute left-2 size-4 text-ink-muted" />
        <input
          type="search"
          data-page-filter
          value={view.q}
          placeholder="Alias, uuid, IP, image…"
          maxLength={200}
          onChange={(event) => onChange({ ...view, q: event.target.value })}
          className={`${control} w-full pl-8`}
        />
      </label>
      <label className="flex items-center gap-1.5 text-xs text-ink-muted">
        Brand
        <select
          value={view.brand ?? ''}
          onChange={(event) => {
            const brand = BRAND_OPTIONS.find((o) => o.value === event.target.value)?.value ?? null;
            onChange({ ...view, brand });
          }}
          className={control}
        >
          <option value="">All</option>
          {BRAND_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 text-xs text-ink-muted">
        State
        <select
          value={view.state ?? ''}
          onChange={(event) => {
            const state = VM_STATES.find((s): s is VmState => s === event.target.value) ?? null;
            onChange({ ...view, state });
          }}
          className={control}
        >
          <option value="">All</option>
          {VM_STATES.map((s) => (
            <option key={s} value={s}>
              {vmStateLabel(s)}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(view) ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onChange({ ...view, q: '', brand: null, state: null })}
        >
          <X aria-hidden="true" className="size-3.5" />
          Clear filters
        </Button>
      ) : null}
      <span className="ml-auto text-xs text-ink-muted" aria-live="polite">
        {shown === total ? `${total} VMs` : `${shown} of ${total} VMs shown`}
      </span>
    </div>
  );
}
