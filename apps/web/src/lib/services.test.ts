import { describe, expect, it } from 'vitest';

import type { SmfService } from '@zonedeck/api/schemas';

import { filterServices, serviceActionsFor, serviceTone, shortFmri, sortServices } from './services';

function svc(fmri: string, state: SmfService['state'], stime = '8:01:40'): SmfService {
  return { fmri, state, stime, raw: {} };
}

const list = [
  svc('svc:/network/ssh:default', 'online'),
  svc('svc:/network/smtp:sendmail', 'maintenance'),
  svc('svc:/network/nfs/server:default', 'disabled'),
  svc('svc:/system/filesystem/local:default', 'online'),
];

describe('filterServices', () => {
  it('keeps everything for an empty filter', () => {
    expect(filterServices(list, '  ')).toBe(list);
  });

  it('needs every word, in the FMRI or the state', () => {
    expect(filterServices(list, 'network online').map((s) => s.fmri)).toEqual(['svc:/network/ssh:default']);
    expect(filterServices(list, 'SSH').length).toBe(1);
  });

  it('matches a state exactly with state:', () => {
    expect(filterServices(list, 'state:maintenance').map((s) => s.fmri)).toEqual([
      'svc:/network/smtp:sendmail',
    ]);
  });
});

describe('serviceActionsFor', () => {
  it('offers what svcadm can do from each state', () => {
    expect(serviceActionsFor('online')).toEqual(['restart', 'disable']);
    expect(serviceActionsFor('disabled')).toEqual(['enable']);
    expect(serviceActionsFor('maintenance')).toEqual(['clear', 'disable']);
    expect(serviceActionsFor('legacy_run')).toEqual([]);
  });

  it('colours maintenance as trouble', () => {
    expect(serviceTone('maintenance')).toBe('bad');
    expect(serviceTone('online')).toBe('ok');
    expect(serviceTone('disabled')).toBe('idle');
  });
});

describe('sortServices', () => {
  it('puts trouble first by state, then by FMRI', () => {
    expect(sortServices(list, 'state', 'asc').map((s) => s.state)).toEqual([
      'maintenance',
      'online',
      'online',
      'disabled',
    ]);
    expect(sortServices(list, 'fmri', 'desc')[0]?.fmri).toBe('svc:/system/filesystem/local:default');
  });
});

describe('shortFmri', () => {
  it('drops the scheme', () => {
    expect(shortFmri('svc:/network/ssh:default')).toBe('network/ssh:default');
  });
});
