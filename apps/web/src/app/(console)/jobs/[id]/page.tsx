import type { Metadata } from 'next';

import { JobDetailView } from '../../../../components/jobs/JobDetailView';

export const metadata: Metadata = { title: 'Job' };

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <JobDetailView id={id} />;
}
