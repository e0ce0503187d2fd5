import type { Metadata } from 'next';
import { Suspense } from 'react';

import { AuditList, AuditTableSkeleton } from '../../../components/audit/AuditList';

export const metadata: Metadata = { title: 'Audit log' };

export default function AuditPage() {
  // The filter reads ?q= from the URL, which the static shell does not know: it renders on the client.
  return (
    <Suspense fallback={<AuditTableSkeleton />}>
      <AuditList />
    </Suspense>
  );
}
