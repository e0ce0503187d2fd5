'use client';

import { useSearchParams } from 'next/navigation';

import { imageParam } from '../../lib/images';
import { CreateVmWizard } from './CreateVmWizard';
import { VmHostGate } from './VmHostGate';

/** /vms/new on the host of `?host=` (else the first one); `?image=` chooses the image. */
export function CreateVmPage() {
  const image = imageParam(useSearchParams().get('image'));
  return (
    <VmHostGate>
      {(hostId) => <CreateVmWizard hostId={hostId} {...(image !== undefined && { initialImage: image })} />}
    </VmHostGate>
  );
}
