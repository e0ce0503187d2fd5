import type { Metadata } from 'next';

import { HostsPage } from '../../../components/hosts/HostsPage';

export const metadata: Metadata = { title: 'Hosts' };

export default function Page() {
  return <HostsPage />;
}
