'use client';

import { ErrorPanel } from '../../components/common/ErrorPanel';

/** A render error in a page: say so and offer a retry, never a blank screen. */
export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel title="This page failed to render" error={error} onRetry={retry} />;
}
