import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';

import { ThemeProvider } from '../components/theme/ThemeProvider';
import { parseTheme, THEME_COOKIE, themeClass } from '../lib/theme';
import { TRPCReactProvider } from '../trpc/provider';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ZoneDeck', template: '%s · ZoneDeck' },
  description: 'Web console for SmartOS hosts',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The chosen theme is a cookie, read here so the first paint already has it: no inline script
  // (which a strict Content-Security-Policy would need a nonce for) and no flash of the wrong theme.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={themeClass(theme)}>
      <body>
        <ThemeProvider initial={theme}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
