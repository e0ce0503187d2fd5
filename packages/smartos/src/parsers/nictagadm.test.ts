import { describe, expect, it } from 'vitest';

import { fixturesFor, optionValue } from '../../test/fixtureFiles.js';
import { NicTag } from '../model/network.js';
import { parseNictagadmList } from './nictagadm.js';

describe('nictagadm list', () => {
  it.each(fixturesFor('nictagadm', 'list').map((f) => [f.file, f] as const))('%s', (_file, f) => {
    const opts = f.argv.includes('-p') ? { delimiter: optionValue(f.argv, '-d') ?? ':' } : {};
    const tags = parseNictagadmList(f.text, opts);
    expect(tags).toEqual([{ name: 'admin', mac: '9c:b6:54:bb:c3:3c', link: 'bge0', type: 'normal' }]);
    for (const t of tags) expect(NicTag.parse(t)).toEqual(t);
  });

  it('reads etherstubs, aggregations and overlay rules (a TYPE with a blank)', () => {
    const table = [
      'NAME           MACADDRESS         LINK           TYPE            ',
      'admin          0:1b:21:aa:bb:c    ixgbe0         normal          ',
      'external       -                  aggr0          aggr            ',
      'stub0          -                  -              etherstub       ',
      'sdc_overlay    -                  -              overlay rule    ',
    ].join('\n');
    expect(parseNictagadmList(table).map((t) => [t.name, t.mac, t.link, t.type])).toEqual([
      ['admin', '0:1b:21:aa:bb:c', 'ixgbe0', 'normal'],
      ['external', null, 'aggr0', 'aggr'],
      ['stub0', null, null, 'etherstub'],
      ['sdc_overlay', null, null, 'overlay rule'],
    ]);
    expect(
      parseNictagadmList('stub0:-:-:etherstub\nsdc_overlay:-:-:overlay rule\n', { delimiter: ':' }),
    ).toEqual([
      { name: 'stub0', mac: null, link: null, type: 'etherstub' },
      { name: 'sdc_overlay', mac: null, link: null, type: 'overlay rule' },
    ]);
  });

  it('rejects a short -p line', () => {
    expect(() => parseNictagadmList('admin:bge0\n', { delimiter: ':' })).toThrow(/2 fields/);
  });
});
