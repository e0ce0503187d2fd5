import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
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
  // Rendered per request, never prerendered: the BFF's Content-Security-Policy has a fresh script
  // nonce per response (apps/bff/src/http/securityHeaders.ts), and Next can only put it on the
  // scripts of a page it renders now. A prerendered page's inline scripts would be blocked.
  await connection();
  // The chosen theme is a cookie, read here so the first paint already has it: no inline script
  // and no flash of the wrong theme.
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
