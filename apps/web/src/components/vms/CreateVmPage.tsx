'use client';

import { CreateVmWizard } from './CreateVmWizard';
import { VmHostGate } from './VmHostGate';

/** /vms/new on the host of `?host=` (else the first one). */
export function CreateVmPage() {
  return <VmHostGate>{(hostId) => <CreateVmWizard hostId={hostId} />}</VmHostGate>;
}
