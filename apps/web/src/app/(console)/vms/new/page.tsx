import type { Metadata } from 'next';
import { Suspense } from 'react';

import { CreateVmPage } from '../../../../components/vms/CreateVmPage';

export const metadata: Metadata = { title: 'Create a VM' };

export default function NewVmPage() {
  // ?host= is read on the client.
  return (
    <Suspense>
      <CreateVmPage />
    </Suspense>
  );
}
