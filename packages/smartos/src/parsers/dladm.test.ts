import { describe, expect, it } from 'vitest';

import { fixture, fixturesFor, optionValue } from '../../test/fixtureFiles.js';
import { DataLink, PhysLink, Vnic } from '../model/network.js';
import {
  normaliseMac,
  parseDladmShowLink,
  parseDladmShowPhys,
  parseDladmShowVnic,
  splitOfmtParsable,
} from './dladm.js';

/** The parser options a fixture's argv asks for: -p -o fields, or the table. */
function optsOf(argv: readonly string[]): { fields?: string[] } {
  const o = optionValue(argv, '-o');
  return argv.includes('-p') && o !== undefined ? { fields: o.split(',') } : {};
}

const VNICS = [
  ['z2_0', '92:4b:1e:0c:7f:21', '2321c688-e15e-4c6f-bc07-b2f7ff772c18'],
  ['z3_0', 'a2:16:5d:e3:90:0b', '153831fc-2af9-44c8-9ba5-fad507337cc2'],
  ['z4_0', 'b6:0e:97:5a:22:cd', '024ab643-ed65-48ab-95f8-5e5976539bfa'],
  ['z5_0', '8e:31:c4:7d:05:f2', '3d6d023b-50f0-42e1-9a84-e1c558c16224'],
  ['z6_0', '72:9e:08:5c:e1:37', '4cda7281-45e1-4485-8648-848f7211c938'],
  ['z7_0', 'f2:cb:2f:9a:61:4e', '6a9d35d3-d522-4310-a724-fc38c59cd7e5'],
];

describe('dladm show-phys', () => {
  it.each(fixturesFor('dladm', 'show-phys').map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const links = parseDladmShowPhys(f.text, optsOf(f.argv));
    expect(links).toEqual([
      { link: 'bge0', media: 'Ethernet', state: 'up', speedMbps: 1000, duplex: 'full', device: 'bge0' },
      { link: 'bge1', media: 'Ethernet', state: 'down', speedMbps: 0, duplex: 'unknown', device: 'bge1' },
    ]);
    for (const l of links) expect(PhysLink.parse(l)).toEqual(l);
  });

  it('reads wider columns of a newer illumos', () => {
    const text = [
      'LINK         MEDIA                STATE      SPEED    DUPLEX    DEVICE',
      'ixgbe0       Ethernet             up         10000    full      ixgbe0',
    ].join('\n');
    expect(parseDladmShowPhys(text)[0]).toMatchObject({ link: 'ixgbe0', speedMbps: 10000 });
  });
});

describe('dladm show-vnic', () => {
  it.each(fixturesFor('dladm', 'show-vnic').map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const vnics = parseDladmShowVnic(f.text, optsOf(f.argv));
    expect(vnics.map((v) => [v.link, v.macAddress, v.zone])).toEqual(VNICS);
    expect(vnics.every((v) => v.over === 'bge0' && v.vid === 0)).toBe(true);
    for (const v of vnics) expect(Vnic.parse(v)).toEqual(v);
  });

  it('reads the table columns', () => {
    expect(parseDladmShowVnic(fixture('dladm-show-vnic.txt').text)[0]).toEqual({
      link: 'z2_0',
      over: 'bge0',
      speedMbps: 1000,
      macAddress: '92:4b:1e:0c:7f:21',
      macAddressType: 'fixed',
      vid: 0,
      zone: '2321c688-e15e-4c6f-bc07-b2f7ff772c18',
    });
  });

  it('reads an overflowing link name (libofmt pushes the row right) and a global-zone VNIC', () => {
    const text = [
      'LINK         OVER         SPEED  MACADDRESS        MACADDRTYPE         VID    ZONE',
      'averylongvnicname0 ixgbe0 10000  2:8:20:38:a5:d6   random              12     --',
    ].join('\n');
    expect(parseDladmShowVnic(text)).toEqual([
      {
        link: 'averylongvnicname0',
        over: 'ixgbe0',
        speedMbps: 10000,
        macAddress: '02:08:20:38:a5:d6',
        macAddressType: 'random',
        vid: 12,
        zone: null,
      },
    ]);
  });
});

describe('dladm show-link', () => {
  it.each(fixturesFor('dladm', 'show-link').map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const links = parseDladmShowLink(f.text, optsOf(f.argv));
    expect(links).toHaveLength(8);
    expect(links[0]).toEqual({ link: 'bge0', class: 'phys', mtu: 1500, state: 'up', over: [] });
    expect(links[2]).toEqual({ link: 'z2_0', class: 'vnic', mtu: 1500, state: 'up', over: ['bge0'] });
    for (const l of links) expect(DataLink.parse(l)).toEqual(l);
  });

  it('reads the table with -- for empty BRIDGE/OVER and an aggregation over two links', () => {
    const text = [
      'LINK        CLASS     MTU    STATE    BRIDGE     OVER',
      'e1000g0     phys      1500   up       --         --',
      'aggr1       aggr      9000   up       --         e1000g1 e1000g2',
    ].join('\n');
    expect(parseDladmShowLink(text)).toEqual([
      { link: 'e1000g0', class: 'phys', mtu: 1500, state: 'up', bridge: null, over: [] },
      { link: 'aggr1', class: 'aggr', mtu: 9000, state: 'up', bridge: null, over: ['e1000g1', 'e1000g2'] },
    ]);
  });
});

describe('libofmt parsable fields', () => {
  it('unescapes \\: and \\\\ and keeps a single field whole', () => {
    expect(splitOfmtParsable('a\\:b:c\\\\d:', 3)).toEqual(['a:b', 'c\\d', '']);
    expect(splitOfmtParsable('92:4b:1e:c:7f:21', 1)).toEqual(['92:4b:1e:c:7f:21']);
  });

  it('normalises MACs and leaves other text alone', () => {
    expect(normaliseMac('2:8:20:38:A5:d6')).toBe('02:08:20:38:a5:d6');
    expect(normaliseMac('--')).toBe('--');
  });

  it('rejects a row with the wrong number of fields', () => {
    expect(() => parseDladmShowVnic('z2_0:bge0\n', { fields: ['link', 'over', 'vid'] })).toThrow(/2 values/);
  });
});
