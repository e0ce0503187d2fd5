import { describe, expect, it } from 'vitest';

import { isTyping, SEQUENCE_MS, shortcutFor } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('reads g then a letter as a go-to, within the time allowed', () => {
    expect(shortcutFor(key('g'), null, 0)).toEqual({ kind: 'pending' });
    expect(shortcutFor(key('v'), 1000, 1000 + SEQUENCE_MS)).toEqual({ kind: 'go', key: 'v' });
    // Too late: the letter is just a letter.
    expect(shortcutFor(key('v'), 1000, 1001 + SEQUENCE_MS)).toEqual({ kind: 'none' });
    expect(shortcutFor(key('Enter'), 1000, 1100)).toEqual({ kind: 'none' });
  });

  it('reads / and ? and leaves modified keys alone', () => {
    expect(shortcutFor(key('/'), null, 0)).toEqual({ kind: 'filter' });
    expect(shortcutFor(key('?'), null, 0)).toEqual({ kind: 'help' });
    expect(shortcutFor(key('g', { ctrlKey: true }), null, 0)).toEqual({ kind: 'none' });
    expect(shortcutFor(key('v', { metaKey: true }), 0, 10)).toEqual({ kind: 'none' });
    expect(shortcutFor(key('x'), null, 0)).toEqual({ kind: 'none' });
  });
});

describe('isTyping', () => {
  const el = (
    tagName: string,
    extra: Partial<{ type: string; isContentEditable: boolean; inKeyboardCapture: boolean }> = {},
  ) => ({
    tagName,
    isContentEditable: false,
    inKeyboardCapture: false,
    ...extra,
  });

  it('treats text fields, editors and consoles as typing', () => {
    expect(isTyping(el('INPUT'))).toBe(true);
    expect(isTyping(el('input', { type: 'search' }))).toBe(true);
    expect(isTyping(el('TEXTAREA'))).toBe(true);
    expect(isTyping(el('SELECT'))).toBe(true);
    expect(isTyping(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTyping(el('CANVAS'))).toBe(true);
    expect(isTyping(el('DIV', { inKeyboardCapture: true }))).toBe(true);
  });

  it('lets shortcuts through on buttons, links, checkboxes and the page', () => {
    expect(isTyping(el('BUTTON'))).toBe(false);
    expect(isTyping(el('A'))).toBe(false);
    expect(isTyping(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTyping(el('BODY'))).toBe(false);
  });
});
