'use client';

import { VmDetailView } from './VmDetailView';
import { VmHostGate } from './VmHostGate';

/** /vms/[uuid] on the host of `?host=` (else the first one). */
export function VmDetailPage({ uuid }: { uuid: string }) {
  return <VmHostGate>{(hostId) => <VmDetailView hostId={hostId} uuid={uuid} />}</VmHostGate>;
}
