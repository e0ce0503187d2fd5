import { describe, expect, it } from 'vitest';

import type { HostEntry } from '@zonedeck/api/schemas';

import { selectHost, withHostParam } from './selectedHost';

const host = (id: string): HostEntry => ({ id, name: id, transport: 'ssh', simulated: false });
const hosts = [host('sim'), host('far')];

describe('selectHost', () => {
  it('takes the URL’s host, else the remembered one, else the first', () => {
    expect(selectHost(hosts, 'far', 'sim')?.id).toBe('far');
    expect(selectHost(hosts, null, 'far')?.id).toBe('far');
    expect(selectHost(hosts, null, null)?.id).toBe('sim');
  });

  it('skips ids that name no usable host (removed, not confirmed)', () => {
    expect(selectHost(hosts, 'gone', 'far')?.id).toBe('far');
    expect(selectHost(hosts, 'gone', 'gone')?.id).toBe('sim');
    expect(selectHost([], 'far', 'far')).toBeUndefined();
  });
});

describe('withHostParam', () => {
  it('names any host but the default in the query, keeping the other parameters', () => {
    expect(withHostParam('?q=vm.start', 'far', 'sim')).toBe('?q=vm.start&host=far');
    expect(withHostParam('?host=far&tab=nics', 'sim', 'sim')).toBe('?tab=nics');
    expect(withHostParam('?host=far', 'sim', 'sim')).toBe('');
    expect(withHostParam('', 'far', 'sim')).toBe('?host=far');
  });
});
