import { describe, expect, it } from 'vitest';

import { parseArgs, parseKeyEqualsValue, type OptionSpec } from './args.js';

const LIST: OptionSpec = {
  known: { order: 'string', sortby: 'string', parsable: 'boolean', header: 'boolean', verbose: 'boolean' },
  shorts: {
    o: ['order'],
    s: ['sortby'],
    p: ['parsable', 'true'],
    h: ['header', 'true'],
    H: ['header', 'false'],
    v: ['verbose', 'true'],
  },
};

describe('parseArgs (nopt-like)', () => {
  it('takes a value starting with - for string options (-s -ram)', () => {
    const parsed = parseArgs(['-s', '-ram,alias', 'type=KVM'], LIST);
    expect(parsed.values.get('sortby')).toBe('-ram,alias');
    expect(parsed.remain).toEqual(['type=KVM']);
  });

  it('expands clustered short flags and short hands with implied values', () => {
    const parsed = parseArgs(['-pH', '-o', 'uuid'], LIST);
    expect(parsed.values.get('parsable')).toBe(true);
    expect(parsed.values.get('header')).toBe(false);
    expect(parsed.values.get('order')).toBe('uuid');
  });

  it('accepts options after operands, --name=value, and stops at --', () => {
    const parsed = parseArgs(['alias=x', '--order=uuid,alias', '--', '-p'], LIST);
    expect(parsed.values.get('order')).toBe('uuid,alias');
    expect(parsed.values.has('parsable')).toBe(false);
    expect(parsed.remain).toEqual(['alias=x', '-p']);
  });
});

describe('parseKeyEqualsValue', () => {
  it('splits at the first =, keeps the rest, last key wins', () => {
    const parsed = parseKeyEqualsValue(['alias=a=b', 'state=running', 'state=stopped', 'bare']);
    expect([...parsed]).toEqual([
      ['alias', 'a=b'],
      ['state', 'stopped'],
      ['bare', ''],
    ]);
  });
});
