'use client';

import { Search } from 'lucide-react';
import { useId } from 'react';

/**
 * A page's text filter (the `/` shortcut focuses it: `data-page-filter`); the caller keeps its
 * value (and the URL) in step.
 */
export function PageFilter({
  label,
  placeholder,
  width,
  value,
  onChange,
}: {
  /** Read by screen readers: the field has no visible label. */
  label: string;
  placeholder: string;
  /** The input's width class, e.g. `w-64`. */
  width: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="relative">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-ink-faint"
      />
      <input
        id={id}
        type="search"
        data-page-filter
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        className={`block h-8 ${width} max-w-full rounded-md border border-line-strong bg-surface pr-2 pl-7 text-sm font-normal text-ink shadow-xs placeholder:text-ink-faint focus:border-accent focus:outline-2 focus:outline-accent/30`}
      />
    </div>
  );
}
