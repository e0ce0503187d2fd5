import { describe, expect, it } from 'vitest';

import { fixture } from '../../test/fixtureFiles.js';
import { parseVmadmLookup, parseVmadmLookupJson } from './vmadmLookup.js';

describe('vmadm lookup', () => {
  it('reads the running VMs, one uuid per line', () => {
    const uuids = parseVmadmLookup(fixture('vmadm-lookup-state-running.txt').text);
    expect(uuids).toHaveLength(6);
    expect(uuids[0]).toBe('2321c688-e15e-4c6f-bc07-b2f7ff772c18');
  });

  it('reads -j as full VM objects', () => {
    const vms = parseVmadmLookupJson(fixture('vmadm-lookup-j-kvm.json').text);
    expect(vms.map((vm) => [vm.alias, vm.brand, vm.ram])).toEqual([
      ['OCS Inventory NG', 'kvm', 1024],
      ['elk', 'kvm', 1024],
    ]);
  });

  it('reads no matches as empty, refuses a line that is not a uuid', () => {
    expect(parseVmadmLookup('')).toEqual([]);
    expect(parseVmadmLookupJson('[]\n')).toEqual([]);
    expect(() => parseVmadmLookup('Requested unique lookup but found 0 results.\n')).toThrowError(
      /not a uuid/,
    );
  });
});
