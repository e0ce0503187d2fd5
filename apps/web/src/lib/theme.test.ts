import { describe, expect, it } from 'vitest';

import { parseTheme, themeClass, themeCookie } from './theme';

describe('theme', () => {
  it('reads the three themes and follows the system for anything else', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('light')).toBe('light');
    expect(parseTheme('system')).toBe('system');
    expect(parseTheme(undefined)).toBe('system');
    expect(parseTheme('dark; x=1')).toBe('system');
    expect(parseTheme('<b>')).toBe('system');
  });

  it('pins light and dark with a class and leaves the system theme to the media query', () => {
    expect(themeClass('dark')).toBe('dark');
    expect(themeClass('light')).toBe('light');
    expect(themeClass('system')).toBeUndefined();
  });

  it('remembers the choice for the whole site for a year', () => {
    expect(themeCookie('dark')).toBe('zonedeck-theme=dark; Path=/; Max-Age=31536000; SameSite=Lax');
  });
});
