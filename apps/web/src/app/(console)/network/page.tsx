import type { Metadata } from 'next';

import { NetworkPage } from '../../../components/network/NetworkPage';

export const metadata: Metadata = { title: 'Network' };

export default function Page() {
  return <NetworkPage />;
}
