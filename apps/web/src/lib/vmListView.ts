// What the VM list shows: text, brand and state filters and the sort, kept in the URL
// (`?q=&brand=&state=&sort=`) so a reload or a shared link shows the same view.
// Pure: tested in vmListView.test.ts.
import type { VmState } from '@zonedeck/api/schemas';

import type { BrandFamily } from './format';

/** The sortable columns of the VM list, by their URL name. */
export const VM_LIST_COLUMNS = [
  'alias',
  'brand',
  'state',
  'ram',
  'cpu',
  'quota',
  'ips',
  'image',
  'age',
] as const;
export type VmListColumn = (typeof VM_LIST_COLUMNS)[number];

export interface VmListSort {
  column: VmListColumn;
  desc: boolean;
}

export interface VmListView {
  /** Free text: alias, uuid, address, image, brand or state contain it (any case). */
  q: string;
  brand: BrandFamily | null;
  state: VmState | null;
  sort: VmListSort;
}

/** By alias, A to Z: the order when the URL names none (and vmadm's own `-s alias`). */
export const DEFAULT_VM_LIST_SORT: VmListSort = { column: 'alias', desc: false };

/** Brand families in the URL: lower case. */
const BRANDS: Readonly<Record<string, BrandFamily>> = { os: 'OS', lx: 'LX', kvm: 'KVM', bhyve: 'bhyve' };

/** Spelled out (not read from the zod enum) so the page does not pull the schemas into its bundle. */
export const VM_STATES: readonly VmState[] = [
  'running',
  'stopped',
  'provisioning',
  'stopping',
  'shutting_down',
  'ready',
  'receiving',
  'installed',
  'configured',
  'incomplete',
  'down',
  'failed',
];

const MAX_QUERY = 200;

function isColumn(value: string): value is VmListColumn {
  return (VM_LIST_COLUMNS as readonly string[]).includes(value);
}

function isState(value: string): value is VmState {
  return (VM_STATES as readonly string[]).includes(value);
}

/** The view a URL's query asks for; what it cannot read falls back to the default. */
export function parseVmListView(params: { get(name: string): string | null }): VmListView {
  const q = (params.get('q') ?? '').slice(0, MAX_QUERY);
  const brand = BRANDS[(params.get('brand') ?? '').toLowerCase()] ?? null;
  const stateParam = params.get('state') ?? '';
  const sortParam = params.get('sort') ?? '';
  const desc = sortParam.startsWith('-');
  const column = desc ? sortParam.slice(1) : sortParam;
  return {
    q,
    brand,
    state: isState(stateParam) ? stateParam : null,
    sort: isColumn(column) ? { column, desc } : DEFAULT_VM_LIST_SORT,
  };
}

const VIEW_PARAMS = ['q', 'brand', 'state', 'sort'] as const;

/**
 * The query string for a view ('' for the default view on an empty query): `current`'s other
 * parameters (e.g. `host`) first, then q, brand, state, sort.
 */
export function vmListSearch(view: VmListView, current: URLSearchParams = new URLSearchParams()): string {
  const params = new URLSearchParams(current);
  for (const name of VIEW_PARAMS) params.delete(name);
  if (view.q !== '') params.set('q', view.q);
  if (view.brand) params.set('brand', view.brand.toLowerCase());
  if (view.state) params.set('state', view.state);
  const { column, desc } = view.sort;
  if (column !== DEFAULT_VM_LIST_SORT.column || desc !== DEFAULT_VM_LIST_SORT.desc)
    params.set('sort', `${desc ? '-' : ''}${column}`);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Whether any filter narrows the list (the sort does not). */
export function isFiltered(view: VmListView): boolean {
  return view.q !== '' || view.brand !== null || view.state !== null;
}
