import type { Metadata } from 'next';
import { Suspense } from 'react';

import { VmDetailPage } from '../../../../components/vms/VmDetailPage';

export const metadata: Metadata = { title: 'VM' };

export default async function VmPage({ params }: { params: Promise<{ uuid: string }> }) {
  const { uuid } = await params;
  // ?host= and ?tab= are read on the client.
  return (
    <Suspense>
      <VmDetailPage uuid={uuid} />
    </Suspense>
  );
}
