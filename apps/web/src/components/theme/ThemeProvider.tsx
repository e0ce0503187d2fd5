'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';

import { themeClass, themeCookie, THEMES, type Theme } from '../../lib/theme';

interface ThemeState {
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

const ThemeContext = createContext<ThemeState | null>(null);

/**
 * The chosen theme. The server already rendered <html> with its class (from the cookie), so the
 * first paint is right; a change swaps the class and rewrites the cookie for the next load.
 */
export function ThemeProvider({ initial, children }: { initial: Theme; children: ReactNode }) {
  const [theme, setThemeState] = useState<Theme>(initial);

  function setTheme(next: Theme) {
    const root = document.documentElement;
    for (const t of THEMES) root.classList.remove(t);
    const cls = themeClass(next);
    if (cls) root.classList.add(cls);
    document.cookie = themeCookie(next);
    setThemeState(next);
  }

  return <ThemeContext value={{ theme, setTheme }}>{children}</ThemeContext>;
}

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useTheme outside ThemeProvider');
  return state;
}
