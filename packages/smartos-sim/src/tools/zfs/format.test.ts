import { describe, expect, it } from 'vitest';

import { creationText, ctimeText, formatTable, nicenum, ratioText } from './format.js';

describe('zfs number formats', () => {
  it('nicenum fits 5 characters with the most precision, as the fixtures print', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [512, '512'],
      [98304, '96.0K'],
      [176128, '172K'],
      [2097152, '2.00M'],
      [2162688, '2.06M'],
      [325058560, '310M'],
      [505794560, '482M'],
      [1142947840, '1.06G'],
      [3650722201, '3.40G'],
      [12884901888, '12.0G'],
      [214748364800, '200G'],
      [494927872000, '461G'],
      [1953214, '1.86M'],
    ];
    for (const [n, text] of cases) expect(nicenum(n), String(n)).toBe(text);
  });

  it('rounds ties to even like printf (2.0625 -> 2.06)', () => {
    expect(nicenum(2.0625 * 1024 * 1024)).toBe('2.06M');
    expect(nicenum(2.0675 * 1024 * 1024)).toBe('2.07M');
  });

  it('ratios keep two decimals and the x', () => {
    expect(ratioText(134)).toBe('1.34x');
    expect(ratioText(100)).toBe('1.00x');
    expect(ratioText(1205)).toBe('12.05x');
  });

  it('dates as ctime and as the creation property print them (UTC)', () => {
    expect(ctimeText(1707016365)).toBe('Sun Feb  4 03:12:45 2024');
    expect(creationText(1707552000)).toBe('Sat Feb 10  8:00 2024');
  });

  it('tables: two spaces, last left column unpadded, numbers right-aligned', () => {
    const text = formatTable(
      [
        { header: 'NAME', right: false, width: 4 },
        { header: 'USED', right: true, width: 5 },
        { header: 'MOUNTPOINT', right: false, width: 10 },
      ],
      [['zones', '200G', '/zones']],
      false,
    );
    expect(text).toBe('NAME    USED  MOUNTPOINT\nzones   200G  /zones\n');
  });
});
