import { describe, expect, it } from 'vitest';

import { fixture, fixturesFor, optionValue } from '../../test/fixtureFiles.js';
import { ZfsDataset } from '../model/zfs.js';
import { parseZfsGet, parseZfsListParsable, parseZfsListTable, zfsPropertyMap } from './zfs.js';

const POWERDNS = 'zones/024ab643-ed65-48ab-95f8-5e5976539bfa';

describe('zfs list -H -p', () => {
  const parsable = fixturesFor('zfs', 'list').filter((f) => f.argv.includes('-H'));

  it.each(parsable.map((f) => [f.file, f] as const))('%s reads every line', (_file, f) => {
    const fields = (optionValue(f.argv, '-o') ?? '').split(',');
    const datasets = parseZfsListParsable(f.text, fields);
    expect(datasets).toHaveLength(f.text.trim().split('\n').length);
    for (const d of datasets) expect(ZfsDataset.parse(d)).toEqual(d);
  });

  it('reads sizes, mountpoints and ratios', () => {
    const f = fixture('zfs-list-Hp.txt');
    const datasets = parseZfsListParsable(f.text, (optionValue(f.argv, '-o') ?? '').split(','));
    expect(datasets[0]).toEqual({
      name: 'zones',
      usedBytes: 214748364800,
      availableBytes: 266287972352,
      referencedBytes: 2097152,
      mountpoint: '/zones',
      compressRatio: 1.34,
      raw: {
        name: 'zones',
        used: '214748364800',
        avail: '266287972352',
        refer: '2097152',
        mountpoint: '/zones',
        compressratio: '1.34x',
      },
    });
    const disk = datasets.find((d) => d.name.endsWith('-disk0'));
    expect(disk?.mountpoint).toBeNull();
    expect(datasets.find((d) => d.name === 'zones/config')?.mountpoint).toBe('legacy');
  });

  it('reads snapshots with their creation time', () => {
    const f = fixture('zfs-list-t-snapshot-Hp-creation.txt');
    const snaps = parseZfsListParsable(f.text, ['name', 'creation']);
    expect(snaps[0]).toMatchObject({
      name: `${POWERDNS}@vmsnap-before-upgrade`,
      creation: '2024-02-10T08:00:00.000Z',
    });
    const g = fixture('zfs-list-t-snapshot-Hp.txt');
    const withSizes = parseZfsListParsable(g.text, (optionValue(g.argv, '-o') ?? '').split(','));
    expect(withSizes[0]).toMatchObject({ usedBytes: 1327104, availableBytes: null, mountpoint: null });
  });

  it('rejects a line with the wrong number of columns', () => {
    expect(() => parseZfsListParsable('zones\t1\n', ['name', 'used', 'avail'])).toThrow(/2 values for 3/);
  });
});

describe('zfs list table', () => {
  it('reads the fixture: right-aligned sizes, long names, `-` mountpoints', () => {
    const datasets = parseZfsListTable(fixture('zfs-list.txt').text);
    expect(datasets).toHaveLength(28);
    expect(datasets[1]).toMatchObject({
      name: POWERDNS,
      usedBytes: Math.round(3.4 * 2 ** 30),
      availableBytes: Math.round(6.6 * 2 ** 30),
      mountpoint: `/${POWERDNS}`,
    });
    expect(datasets.find((d) => d.name === 'zones/archive')?.usedBytes).toBe(98304);
    expect(datasets.find((d) => d.name.endsWith('-disk1'))?.mountpoint).toBeNull();
  });

  it('reads another host: -o with a mountpoint holding blanks and other headers', () => {
    const text = [
      'NAME          TYPE        USED  RATIO  MOUNTPOINT',
      'data          filesystem   10T  1.00x  /data',
      'data/My Docs  filesystem  500G  1.50x  /data/My Docs',
    ].join('\n');
    expect(parseZfsListTable(text).map((d) => [d.name, d.type, d.compressRatio, d.mountpoint])).toEqual([
      ['data', 'filesystem', 1, '/data'],
      ['data/My Docs', 'filesystem', 1.5, '/data/My Docs'],
    ]);
  });
});

describe('zfs get', () => {
  it.each(fixturesFor('zfs', 'get').map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const rows = parseZfsGet(f.text);
    expect(rows.length).toBe(f.text.trim().split('\n').length - (f.argv.includes('-H') ? 0 : 1));
    const props = zfsPropertyMap(rows);
    const name = f.argv[f.argv.length - 1] ?? '';
    expect(props[name]?.compression?.value).toBe('lzjb');
    expect(props[name]?.dedup?.value).toBe('on');
  });

  it('keeps sources with blanks', () => {
    const rows = parseZfsGet(fixture('zfs-get-Hp.txt').text);
    expect(rows[0]).toEqual({
      name: 'zones/153831fc-2af9-44c8-9ba5-fad507337cc2',
      property: 'compression',
      value: 'lzjb',
      source: 'inherited from zones',
    });
    const table = parseZfsGet(
      'NAME        PROPERTY     VALUE  SOURCE\nzones/a     compression  lz4    inherited from zones\n',
    );
    expect(table[0]?.source).toBe('inherited from zones');
  });

  it('reads -H with other -o columns', () => {
    expect(parseZfsGet('zones\tlzjb\n', { fields: ['name', 'value'] })).toEqual([
      { name: 'zones', property: '', value: 'lzjb', source: '' },
    ]);
  });
});
