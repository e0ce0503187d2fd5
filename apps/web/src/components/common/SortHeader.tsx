import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';

export type SortDirection = 'asc' | 'desc';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/** The next sort after a click on column `key`: the same column flips, a new one starts `initial`. */
export function nextSort<K extends string>(
  current: SortState<K>,
  key: K,
  initial: SortDirection,
): SortState<K> {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: initial };
}

/**
 * A column header that sorts its table: a button inside the <th>, with aria-sort on the header
 * so screen readers announce the order.
 */
export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  align = 'left',
  initial = 'asc',
  className = '',
}: {
  label: string;
  column: K;
  sort: SortState<K>;
  onSort: (next: SortState<K>) => void;
  align?: 'left' | 'right';
  /** The first direction: numbers read best largest first. */
  initial?: SortDirection;
  className?: string;
}) {
  const active = sort.key === column;
  const Icon = !active ? ArrowUpDown : sort.direction === 'asc' ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
      className={`px-3 py-2 text-xs font-medium tracking-wide text-ink-muted uppercase ${align === 'right' ? 'text-right' : 'text-left'} ${className}`}
    >
      <button
        type="button"
        onClick={() => onSort(nextSort(sort, column, initial))}
        className={`inline-flex items-center gap-1 rounded uppercase hover:text-ink focus-visible:outline-2 focus-visible:outline-accent ${align === 'right' ? 'flex-row-reverse' : ''} ${active ? 'text-ink' : ''}`}
      >
        {label}
        <Icon aria-hidden="true" className={`size-3 ${active ? '' : 'opacity-40'}`} />
      </button>
    </th>
  );
}
