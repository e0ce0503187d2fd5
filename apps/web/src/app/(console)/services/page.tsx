import type { Metadata } from 'next';
import { Suspense } from 'react';

import { ServicesPage, ServicesSkeleton } from '../../../components/services/ServicesPage';

export const metadata: Metadata = { title: 'Services' };

export default function Page() {
  // The filter reads ?q= from the URL, which the static shell does not know: it renders on the client.
  return (
    <Suspense fallback={<ServicesSkeleton />}>
      <ServicesPage />
    </Suspense>
  );
}
