import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { TRPCReactProvider } from '../trpc/provider';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ZoneDeck', template: '%s · ZoneDeck' },
  description: 'Web console for SmartOS hosts',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
