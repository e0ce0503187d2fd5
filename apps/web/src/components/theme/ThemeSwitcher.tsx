'use client';

import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';

import type { Theme } from '../../lib/theme';
import { useTheme } from './ThemeProvider';

const choices: { theme: Theme; label: string; icon: LucideIcon }[] = [
  { theme: 'system', label: 'System theme', icon: Monitor },
  { theme: 'light', label: 'Light theme', icon: Sun },
  { theme: 'dark', label: 'Dark theme', icon: Moon },
];

/** System / light / dark, three small toggle buttons in the header; the pressed one is the theme. */
export function ThemeSwitcher() {
  const { theme, setTheme } = useTheme();
  return (
    <div
      role="group"
      aria-label="Theme"
      className="flex items-center rounded-md p-0.5 ring-1 ring-line ring-inset"
    >
      {choices.map(({ theme: t, label, icon: Icon }) => (
        <button
          key={t}
          type="button"
          aria-label={label}
          title={label}
          aria-pressed={theme === t}
          onClick={() => setTheme(t)}
          className={`rounded p-1 focus-visible:outline-2 focus-visible:outline-accent ${
            theme === t ? 'bg-sunken text-ink' : 'text-ink-muted hover:text-ink'
          }`}
        >
          <Icon aria-hidden="true" className="size-3.5" />
        </button>
      ))}
    </div>
  );
}
