import { describe, expect, it } from 'vitest';

import { auditCsv, csvCell } from './auditExport.js';

describe('CSV export', () => {
  it('quotes cells with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header and one row per entry, args as JSON, empty cells for nulls', () => {
    const csv = auditCsv([
      {
        id: 7,
        at: '2026-03-01T09:00:00.000Z',
        username: 'alice',
        action: 'vm.stop',
        hostId: 'sim',
        target: '=cmd',
        args: { uuid: 'u', force: false },
        result: 'ok',
        detail: null,
      },
    ]);
    expect(csv).toBe(
      'id,at,username,action,hostId,target,result,detail,args\r\n' +
        `7,2026-03-01T09:00:00.000Z,alice,vm.stop,sim,'=cmd,ok,,"{""uuid"":""u"",""force"":false}"\r\n`,
    );
  });
});
