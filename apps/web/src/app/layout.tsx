import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

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
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
