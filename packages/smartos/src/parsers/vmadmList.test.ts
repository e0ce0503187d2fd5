import { describe, expect, it } from 'vitest';

import { fixture, fixturesFor, optionValue } from '../../test/fixtureFiles.js';
import { isSmartosError } from '../errors.js';
import {
  parseVmadmListParsable,
  parseVmadmListTable,
  VMADM_LIST_DEFAULT_FIELDS,
  vmadmListColumn,
  type VmadmListRow,
} from './vmadmList.js';

/** Parses a `vmadm list` fixture the way its argv says it was produced. */
function parseListFixture(file: string): { fields: readonly string[]; rows: VmadmListRow[] } {
  const { argv, text } = fixture(file);
  const fields = optionValue(argv, '-o')?.split(',') ?? VMADM_LIST_DEFAULT_FIELDS;
  const rows = argv.includes('-p')
    ? parseVmadmListParsable(text, fields)
    : parseVmadmListTable(text, { fields, header: !argv.includes('-H') });
  return { fields, rows };
}

const listFixtures = fixturesFor('vmadm', 'list').filter((f) => f.stream === 'stdout');
const byUuid = (rows: VmadmListRow[]) => new Map(rows.map((r) => [r['uuid'], r]));

describe('vmadm list fixtures', () => {
  it('finds every vmadm list sample', () => {
    expect(listFixtures.map((f) => f.file).sort()).toEqual([
      'vmadm-list-H.txt',
      'vmadm-list-filter-kvm.txt',
      'vmadm-list-o-custom.txt',
      'vmadm-list-o-nics.txt',
      'vmadm-list-p-o-custom.txt',
      'vmadm-list-p.txt',
      'vmadm-list.txt',
    ]);
  });

  it.each(listFixtures.map((f) => f.file))('%s: one row per line, every field read', (file) => {
    const { fields, rows } = parseListFixture(file);
    const dataLines = fixture(file)
      .text.split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('UUID '));
    expect(rows).toHaveLength(dataLines.length);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([...fields]);
      expect(row['uuid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      if ('alias' in row) expect(row['alias']).not.toBeNull();
    }
  });

  it('reads the six VMs of the office host from vmadm list', () => {
    const { rows } = parseListFixture('vmadm-list.txt');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({
      uuid: '2321c688-e15e-4c6f-bc07-b2f7ff772c18',
      type: 'OS',
      ram: '64',
      state: 'running',
      alias: 'DHCP',
    });
    expect(rows.map((r) => r['alias'])).toEqual([
      'DHCP',
      'samba',
      'powerdns',
      'MySQL-PerconaDB',
      'OCS Inventory NG',
      'elk',
    ]);
    expect(rows.filter((r) => r['type'] === 'KVM').map((r) => r['alias'])).toEqual([
      'OCS Inventory NG',
      'elk',
    ]);
  });

  it('reads the same rows from the table, -H and -p forms', () => {
    const table = parseListFixture('vmadm-list.txt').rows;
    expect(parseListFixture('vmadm-list-H.txt').rows).toEqual(table);
    expect(parseListFixture('vmadm-list-p.txt').rows).toEqual(table);
    // the header alone tells the parser the columns
    expect(parseVmadmListTable(fixture('vmadm-list.txt').text)).toEqual(table);
  });

  it('reads a filtered list', () => {
    const { rows } = parseListFixture('vmadm-list-filter-kvm.txt');
    expect(rows.map((r) => [r['alias'], r['type'], r['ram']])).toEqual([
      ['OCS Inventory NG', 'KVM', '1024'],
      ['elk', 'KVM', '1024'],
    ]);
  });

  it('reads custom columns where long aliases push the table right', () => {
    const table = parseListFixture('vmadm-list-o-custom.txt').rows;
    const parsable = parseListFixture('vmadm-list-p-o-custom.txt').rows;
    expect(byUuid(table)).toEqual(byUuid(parsable));
    const mysql = byUuid(table).get('3d6d023b-50f0-42e1-9a84-e1c558c16224');
    expect(mysql).toEqual({
      uuid: '3d6d023b-50f0-42e1-9a84-e1c558c16224',
      alias: 'MySQL-PerconaDB',
      brand: 'joyent',
      state: 'running',
      ram: '1024',
      quota: '40',
      cpu_cap: '200',
      zone_state: 'running',
      autoboot: 'true',
    });
    const dhcp = byUuid(parsable).get('2321c688-e15e-4c6f-bc07-b2f7ff772c18');
    expect(dhcp).toMatchObject({ alias: 'DHCP', ram: '64', quota: '5', cpu_cap: null });
    expect(byUuid(table).get('4cda7281-45e1-4485-8648-848f7211c938')).toMatchObject({
      alias: 'OCS Inventory NG',
      brand: 'kvm',
      cpu_cap: null,
    });
    // -s -ram,alias: descending ram
    expect(table.map((r) => Number(r['ram']))).toEqual([1024, 1024, 1024, 1024, 256, 64]);
  });

  it('reads dotted nic columns (width 20)', () => {
    const { rows } = parseListFixture('vmadm-list-o-nics.txt');
    expect(rows.find((r) => r['alias'] === 'OCS Inventory NG')).toEqual({
      uuid: '4cda7281-45e1-4485-8648-848f7211c938',
      alias: 'OCS Inventory NG',
      'nics.0.ip': '192.168.1.9',
      'nics.0.mac': '72:9e:08:5c:e1:37',
    });
    // and from the header alone
    expect(parseVmadmListTable(fixture('vmadm-list-o-nics.txt').text)).toEqual(rows);
  });
});

describe('parseVmadmListParsable', () => {
  const fields = ['uuid', 'ram', 'alias'];

  it('joins an alias containing ":" back together (alias last)', () => {
    const out = 'aaaaaaaa-0000-4000-8000-000000000001:512:web: prod::x:\n';
    expect(parseVmadmListParsable(out, fields)).toEqual([
      { uuid: 'aaaaaaaa-0000-4000-8000-000000000001', ram: '512', alias: 'web: prod::x:' },
    ]);
  });

  it('joins at the alias when it is not last', () => {
    const out = 'aaaaaaaa-0000-4000-8000-000000000001:a:b:c:running\n';
    expect(parseVmadmListParsable(out, ['uuid', 'alias', 'state'])).toEqual([
      { uuid: 'aaaaaaaa-0000-4000-8000-000000000001', alias: 'a:b:c', state: 'running' },
    ]);
  });

  it('joins at a chosen field, e.g. a MAC address', () => {
    const out = 'aaaaaaaa-0000-4000-8000-000000000001:92:4b:1e:c:7f:21:192.168.1.5\n';
    expect(
      parseVmadmListParsable(out, ['uuid', 'nics.0.mac', 'nics.0.ip'], { colonField: 'nics.0.mac' }),
    ).toEqual([
      {
        uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
        'nics.0.mac': '92:4b:1e:c:7f:21',
        'nics.0.ip': '192.168.1.5',
      },
    ]);
  });

  it('reads empty values as null, an alias of only ":" as itself', () => {
    expect(parseVmadmListParsable('u1::\nu2:64::\n', fields)).toEqual([
      { uuid: 'u1', ram: null, alias: null },
      { uuid: 'u2', ram: '64', alias: ':' },
    ]);
  });

  it('keeps unicode and inner blanks as they are', () => {
    expect(parseVmadmListParsable('u1:64:  Zürich 🚀 サーバ  ', fields)).toEqual([
      { uuid: 'u1', ram: '64', alias: '  Zürich 🚀 サーバ  ' },
    ]);
  });

  it('handles output with and without a trailing newline, blank lines and CRLF', () => {
    const rows = [{ uuid: 'u1', ram: '64', alias: 'a' }];
    expect(parseVmadmListParsable('u1:64:a', fields)).toEqual(rows);
    expect(parseVmadmListParsable('u1:64:a\n', fields)).toEqual(rows);
    expect(parseVmadmListParsable('u1:64:a\r\n\n', fields)).toEqual(rows);
    expect(parseVmadmListParsable('\nu1:64:a\n\n', fields)).toEqual(rows);
    expect(parseVmadmListParsable('', fields)).toEqual([]);
    expect(parseVmadmListParsable('\n', fields)).toEqual([]);
  });

  it('refuses a line with too few values', () => {
    expect(() => parseVmadmListParsable('u1:64\n', fields)).toThrowError(/2 values for 3 fields/);
    try {
      parseVmadmListParsable('u1\n', fields);
    } catch (err) {
      expect(isSmartosError(err, 'ParseError')).toBe(true);
    }
  });

  it('refuses a colon field that was not requested', () => {
    expect(() => parseVmadmListParsable('', fields, { colonField: 'state' })).toThrowError(
      /not a requested field/,
    );
  });
});

/** Formats rows exactly as vmadm.js outputVMListLine does: `%-<width>s` joined by two spaces, rtrimmed. */
function vmadmTable(fields: readonly string[], rows: readonly (readonly string[])[], header = true): string {
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(vmadmListColumn(fields[i] ?? '').width))
      .join('  ')
      .replace(/\s+$/, '');
  const lines = rows.map((r) => line(r.map((v) => (v === '' ? '-' : v))));
  if (header) lines.unshift(line(fields.map((f) => vmadmListColumn(f).header)));
  return lines.map((l) => `${l}\n`).join('');
}

describe('parseVmadmListTable', () => {
  const uuid = 'aaaaaaaa-0000-4000-8000-000000000001';

  it('reads values wider than their column anywhere in the line', () => {
    const fields = ['uuid', 'alias', 'brand', 'state', 'hostname', 'ram'];
    const rows = [
      [uuid, 'a-very-long-alias-that-overflows', 'joyent-minimal', 'shutting_down', 'h', '1048576'],
      [uuid, 'x', 'bhyve', 'provisioning', 'a'.repeat(40), '64'],
      [uuid, 'exactly10c', 'kvm', 'stopped', '', '2048'],
      [uuid, 'eleven char', 'lx', 'failed', 'host name', ''],
    ];
    const parsed = parseVmadmListTable(vmadmTable(fields, rows));
    expect(parsed.map((r) => fields.map((f) => r[f] ?? ''))).toEqual(rows);
  });

  it('maps headers back to field names (CPU_SHARE → cpu_shares, DOMAIN → dns_domain)', () => {
    const fields = ['uuid', 'cpu_shares', 'dns_domain', 'zfs_io_priority', 'tags.role'];
    const text = vmadmTable(fields, [[uuid, '100', 'local', '100', 'db']]);
    expect(parseVmadmListTable(text)).toEqual([
      { uuid, cpu_shares: '100', dns_domain: 'local', zfs_io_priority: '100', 'tags.role': 'db' },
    ]);
  });

  it('reads -H output with given fields, and the default columns without them', () => {
    const fields = ['uuid', 'type', 'ram', 'state', 'alias'];
    const text = vmadmTable(fields, [[uuid, 'BHYV', '4096', 'running', 'my  spaced  alias']], false);
    const expected = [{ uuid, type: 'BHYV', ram: '4096', state: 'running', alias: 'my  spaced  alias' }];
    expect(parseVmadmListTable(text, { header: false })).toEqual(expected);
    expect(parseVmadmListTable(text, { fields, header: false })).toEqual(expected);
  });

  it('keeps unicode aliases and reads "-" as null', () => {
    const fields = ['uuid', 'alias', 'cpu_cap', 'quota'];
    const text = vmadmTable(fields, [[uuid, 'Zürich 🚀', '', '10']]);
    expect(parseVmadmListTable(text)).toEqual([{ uuid, alias: 'Zürich 🚀', cpu_cap: null, quota: '10' }]);
  });

  it('measures unknown columns on the header', () => {
    const text = [
      'UUID                                  NEWCOL        ALIAS',
      `${uuid}  value         a b`,
      '',
    ].join('\n');
    expect(parseVmadmListTable(text)).toEqual([{ uuid, newcol: 'value', alias: 'a b' }]);
  });

  it('returns no rows for empty output or a header alone', () => {
    expect(parseVmadmListTable('')).toEqual([]);
    expect(
      parseVmadmListTable('UUID                                  TYPE  RAM      STATE             ALIAS\n'),
    ).toEqual([]);
  });

  it('refuses a header that does not match the given fields', () => {
    expect(() => parseVmadmListTable(fixture('vmadm-list.txt').text, { fields: ['uuid'] })).toThrowError(
      /header has 5/,
    );
  });
});
