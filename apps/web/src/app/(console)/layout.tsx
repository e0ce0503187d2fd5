import type { ReactNode } from 'react';

import { AppToaster } from '../../components/common/AppToaster';
import { JobEventsProvider } from '../../components/jobs/JobEventsProvider';
import { AppHeader } from '../../components/layout/AppHeader';

/** Everything behind the sign-in: the header, then the page; job changes stream in for all of it. */
export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <JobEventsProvider>
      <div className="flex min-h-dvh flex-col">
        <AppHeader />
        <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-5 sm:px-6">{children}</main>
      </div>
      <AppToaster />
    </JobEventsProvider>
  );
}
