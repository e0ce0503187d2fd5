import { describe, expect, it } from 'vitest';

import { fixture } from '../../test/fixtureFiles.js';
import { isSmartosError } from '../errors.js';
import { HostSummary } from '../model/host.js';
import { epochSecondsToIso, parseSysinfo, parseSysinfoJson } from './sysinfo.js';

describe('parseSysinfo on the office host', () => {
  const { argv, text } = fixture('sysinfo.json');
  const host = parseSysinfo(text);

  it('is the sysinfo command', () => {
    expect(argv).toEqual(['sysinfo']);
  });

  it('reads identity, platform and hardware', () => {
    expect(host).toMatchObject({
      uuid: '44454c4c-4800-1034-804a-b2c04f354d32',
      hostname: 'smartos',
      liveImage: '20240208T000334Z',
      manufacturer: 'HP',
      product: 'ProLiant MicroServer Gen8',
      cpuType: 'Intel(R) Xeon(R) CPU E3-1220L V2 @ 2.30GHz',
      cpuCount: 4,
      cpuCores: 2,
      cpuSockets: 1,
      adminIp: '192.168.1.3',
      zpool: 'zones',
    });
  });

  it('reads "MiB of Memory" (a string) as a number and Boot Time (string seconds) as ISO', () => {
    expect(host.memoryMiB).toBe(16349);
    expect(host.bootTime).toBe('2024-02-10T08:00:50.000Z');
    expect(new Date(host.bootTime).getTime() / 1000).toBe(1707552050);
  });

  it('reads the physical NICs with their link state and NIC tags', () => {
    expect(host.nics).toEqual([
      { name: 'bge0', mac: '9c:b6:54:bb:c3:3c', ip4addr: '192.168.1.3', linkUp: true, nicTags: ['admin'] },
      { name: 'bge1', mac: '9c:b6:54:bb:c3:3d', ip4addr: '', linkUp: false, nicTags: [] },
    ]);
  });

  it('matches the HostSummary model', () => {
    expect(HostSummary.parse(host)).toEqual(host);
  });

  it('keeps keys the summary does not use in the raw object', () => {
    const raw = parseSysinfoJson(text);
    expect(raw['Zpool Disks']).toBe('c1t0d0,c1t1d0');
    expect(raw['Bhyve Capable']).toBe(true);
  });
});

describe('parseSysinfo edge cases', () => {
  it('tolerates missing optional keys', () => {
    const host = parseSysinfo('{"UUID": "00000000-0000-0000-0000-000000000001", "Hostname": "tiny"}\n');
    expect(host).toEqual({
      uuid: '00000000-0000-0000-0000-000000000001',
      hostname: 'tiny',
      liveImage: '',
      manufacturer: '',
      product: '',
      cpuType: '',
      cpuCount: 0,
      cpuCores: 0,
      cpuSockets: 0,
      memoryMiB: 0,
      bootTime: '',
      adminIp: '',
      zpool: '',
      nics: [],
    });
    expect(HostSummary.safeParse(host).success).toBe(true);
  });

  it('accepts numbers where strings are usual and the other way round, and falls back between CPU keys', () => {
    const host = parseSysinfo(
      JSON.stringify({
        UUID: 'u',
        Hostname: 'h',
        'Boot Time': 0,
        'MiB of Memory': 262144,
        'CPU Total Cores': '64',
        'CPU Physical Cores': '2',
      }),
    );
    expect(host).toMatchObject({
      bootTime: '1970-01-01T00:00:00.000Z',
      memoryMiB: 262144,
      cpuCount: 64,
      cpuCores: 64,
      cpuSockets: 2,
    });
  });

  it('reads NIC Names given as a comma list, and finds the admin IP from the admin-tagged NIC', () => {
    const host = parseSysinfo(
      JSON.stringify({
        UUID: 'u',
        Hostname: 'h',
        'Network Interfaces': {
          ixgbe0: {
            'MAC Address': '0:1b:21:a:b:c',
            ip4addr: '10.0.0.9',
            'Link Status': 'up',
            'NIC Names': 'admin, external',
          },
          ixgbe1: { 'MAC Address': '0:1b:21:a:b:d' },
        },
      }),
    );
    expect(host.nics).toEqual([
      {
        name: 'ixgbe0',
        mac: '0:1b:21:a:b:c',
        ip4addr: '10.0.0.9',
        linkUp: true,
        nicTags: ['admin', 'external'],
      },
      { name: 'ixgbe1', mac: '0:1b:21:a:b:d', ip4addr: '', linkUp: false, nicTags: [] },
    ]);
    expect(host.adminIp).toBe('10.0.0.9');
  });

  it('keeps unicode text as is', () => {
    expect(parseSysinfo('{"UUID":"u","Hostname":"höst-🚀","Product":"Serveur Égal"}').product).toBe(
      'Serveur Égal',
    );
  });

  it.each([
    ['not JSON', 'sysinfo: command not found'],
    ['an array', '[]'],
    ['null', 'null'],
    ['an object without UUID or Hostname', '{"Live Image": "20240208T000334Z"}'],
  ])('refuses %s with a ParseError', (_what, text) => {
    expect(() => parseSysinfo(text)).toThrow();
    try {
      parseSysinfo(text);
    } catch (err) {
      expect(isSmartosError(err, 'ParseError')).toBe(true);
    }
  });

  it('converts epoch seconds', () => {
    expect(epochSecondsToIso('1707552050')).toBe('2024-02-10T08:00:50.000Z');
    expect(epochSecondsToIso('soon')).toBe('');
    expect(epochSecondsToIso(undefined)).toBe('');
  });
});
