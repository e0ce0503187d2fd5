import { describe, expect, it } from 'vitest';

import { DEFAULT_VM_LIST_SORT, isFiltered, parseVmListView, vmListSearch } from './vmListView';

const parse = (query: string) => parseVmListView(new URLSearchParams(query));

describe('parseVmListView', () => {
  it('reads every part of the view from the query', () => {
    expect(parse('q=web&brand=kvm&state=running&sort=-ram')).toEqual({
      q: 'web',
      brand: 'KVM',
      state: 'running',
      sort: { column: 'ram', desc: true },
    });
    expect(parse('brand=OS&sort=age').brand).toBe('OS');
    expect(parse('sort=age').sort).toEqual({ column: 'age', desc: false });
  });

  it('falls back to the default for what it cannot read', () => {
    expect(parse('brand=xen&state=melting&sort=-colour')).toEqual({
      q: '',
      brand: null,
      state: null,
      sort: DEFAULT_VM_LIST_SORT,
    });
    expect(parse('q=' + 'x'.repeat(500)).q).toHaveLength(200);
  });
});

describe('vmListSearch', () => {
  it('writes the default view as no query at all', () => {
    expect(vmListSearch(parse(''))).toBe('');
  });

  it('round-trips a view, text with spaces and & included', () => {
    const view = parse('q=db%20%26%20web&brand=bhyve&state=shutting_down&sort=-age');
    const search = vmListSearch(view);
    expect(search).toBe('?q=db+%26+web&brand=bhyve&state=shutting_down&sort=-age');
    expect(parse(search.slice(1))).toEqual(view);
  });

  it('keeps the other parameters of the page (the host)', () => {
    const current = new URLSearchParams('host=sim&q=old&sort=-ram');
    expect(vmListSearch(parse('q=new'), current)).toBe('?host=sim&q=new');
    expect(vmListSearch(parse(''), new URLSearchParams('q=old'))).toBe('');
  });

  it('says whether a filter narrows the list; the sort alone does not', () => {
    expect(isFiltered(parse('sort=-ram'))).toBe(false);
    expect(isFiltered(parse('state=stopped'))).toBe(true);
  });
});
