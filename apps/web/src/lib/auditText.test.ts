import { describe, expect, it } from 'vitest';

import type { AuditEntry } from '@zonedeck/api/schemas';

import { compactArgs, filterAudit } from './auditText';

const SAMBA = '153831fc-2af9-44c8-9ba5-fad507337cc2';

const entry = (id: number, patch: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-01-01T10:00:00.000Z',
  username: 'admin',
  action: 'vm.stop',
  hostId: 'default',
  target: SAMBA,
  args: { hostId: 'default', uuid: SAMBA, force: false },
  result: 'ok',
  detail: 'Successfully completed stop',
  ...patch,
});

describe('compactArgs', () => {
  it('prints one line of JSON', () => {
    expect(compactArgs({ hostId: 'default', force: true })).toBe('{"hostId":"default","force":true}');
    expect(compactArgs({})).toBe('{}');
  });
});

describe('filterAudit', () => {
  const entries = [
    entry(1),
    entry(2, { action: 'vm.start', username: 'alice', result: 'refused', detail: 'busy with job x' }),
    entry(3, { action: 'auth.login', target: null, args: { username: 'bob' }, detail: null }),
  ];

  it('returns everything for an empty filter', () => {
    expect(filterAudit(entries, '  ')).toBe(entries);
  });

  it('matches any field, case-insensitively', () => {
    expect(filterAudit(entries, 'ALICE').map((e) => e.id)).toEqual([2]);
    expect(filterAudit(entries, 'refused').map((e) => e.id)).toEqual([2]);
    expect(filterAudit(entries, 'bob').map((e) => e.id)).toEqual([3]);
    expect(filterAudit(entries, '153831fc').map((e) => e.id)).toEqual([1, 2]);
  });

  it('needs every word', () => {
    expect(filterAudit(entries, 'vm. admin').map((e) => e.id)).toEqual([1]);
  });

  it('finds entries by the target name it is given', () => {
    const names = new Map([[SAMBA, 'samba']]);
    expect(filterAudit(entries, 'samba', names).map((e) => e.id)).toEqual([1, 2]);
    expect(filterAudit(entries, 'samba')).toEqual([]);
  });
});
