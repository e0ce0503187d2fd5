// The colour theme a user chose, kept in a cookie so the server renders <html> with it (no flash,
// no inline script). Pure: tested in theme.test.ts.

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = 'zonedeck-theme';

/** The theme a cookie value names; anything else (absent, tampered) follows the system. */
export function parseTheme(value: string | undefined | null): Theme {
  return THEMES.find((t) => t === value) ?? 'system';
}

/** The class on <html>: `light` or `dark` pins the theme; none follows prefers-color-scheme. */
export function themeClass(theme: Theme): string | undefined {
  return theme === 'system' ? undefined : theme;
}

/** The Set-Cookie text for `document.cookie`: the whole site, a year, not sent cross-site. */
export function themeCookie(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax`;
}
