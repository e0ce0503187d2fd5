import { describe, expect, it } from 'vitest';

import { consoleHref, kindsOf } from './consoleLinks';

describe('console links', () => {
  it('offers VNC and serial for HVM guests and a shell for zones', () => {
    expect(kindsOf('kvm')).toEqual(['vnc', 'serial']);
    expect(kindsOf('bhyve')).toEqual(['vnc', 'serial']);
    expect(kindsOf('joyent')).toEqual(['shell']);
    expect(kindsOf('lx')).toEqual(['shell']);
  });

  it('builds the console URL with its kind and host', () => {
    expect(consoleHref('6a9d35d3-d522-4310-a724-fc38c59cd7e5', 'vnc', 'sim')).toBe(
      '/consoles/6a9d35d3-d522-4310-a724-fc38c59cd7e5?kind=vnc&host=sim',
    );
  });
});
