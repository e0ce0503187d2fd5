import { describe, expect, it } from 'vitest';

import { auditFilterFromParams, auditFilterToParams, fromLocalInput, toLocalInput } from './auditFilter';

describe('audit filter in the URL', () => {
  it('reads the known fields, drops empty and bad ones', () => {
    expect(
      auditFilterFromParams(
        new URLSearchParams(
          'user=olga&action=users.&target=&result=nope&from=2026-03-01T09:00:00Z&to=soon&q=x',
        ),
      ),
    ).toEqual({ user: 'olga', action: 'users.', from: '2026-03-01T09:00:00.000Z' });
  });

  it('writes the filter back, keeping other parameters, and round-trips', () => {
    const filter = { user: 'root', result: 'refused' as const, to: '2026-03-02T00:00:00.000Z' };
    const params = auditFilterToParams(filter, new URLSearchParams('q=samba&action=old'));
    expect(params.toString()).toBe('q=samba&user=root&result=refused&to=2026-03-02T00%3A00%3A00.000Z');
    expect(auditFilterFromParams(params)).toEqual(filter);
  });

  it('converts datetime-local values to instants and back', () => {
    const iso = fromLocalInput('2026-03-01T10:30');
    expect(iso).toBe(new Date(2026, 2, 1, 10, 30).toISOString());
    expect(toLocalInput(iso)).toBe('2026-03-01T10:30');
    expect(fromLocalInput('')).toBeUndefined();
  });
});
