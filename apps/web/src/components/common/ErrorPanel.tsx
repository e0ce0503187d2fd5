import { firstLine } from '../../lib/format';
import { hostErrorOf, isUnauthorized } from '../../trpc/errors';
import { Button } from './Button';

export interface ErrorPanelProps {
  /** What failed, in the user's words: "Could not read the host summary". */
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Unknown error';
}

/**
 * A failure, named: for a host command the command line, its exit code and stderr's first line;
 * otherwise the error's message. Host text is rendered as text only.
 */
export function ErrorPanel({ title, error, onRetry, retrying = false }: ErrorPanelProps) {
  if (isUnauthorized(error)) {
    // The query cache is already taking the app to /login; say so instead of flashing an error.
    return (
      <p role="status" className="py-4 text-ink-muted">
        Your session has ended. Taking you to sign in…
      </p>
    );
  }
  const hostError = hostErrorOf(error);
  const stderr = hostError ? firstLine(hostError.stderr) : '';

  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-semibold">{title}</p>
          {hostError ? (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-[13px]">
              <dt className="text-red-800 dark:text-red-300">Command</dt>
              <dd className="min-w-0 font-mono break-all">{hostError.command}</dd>
              <dt className="text-red-800 dark:text-red-300">Exit code</dt>
              <dd className="font-mono">{hostError.exitCode ?? 'none (it did not run to an exit)'}</dd>
              <dt className="text-red-800 dark:text-red-300">Error</dt>
              <dd className="min-w-0 font-mono break-words">{stderr || messageOf(error)}</dd>
            </dl>
          ) : (
            <p className="mt-1 break-words">{messageOf(error)}</p>
          )}
        </div>
        {onRetry ? (
          <Button onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** A failed query, named by `title`; Retry fetches it again. */
export function QueryErrorPanel({
  title,
  query,
}: {
  title: string;
  query: { error: unknown; isFetching: boolean; refetch: () => unknown };
}) {
  return (
    <ErrorPanel
      title={title}
      error={query.error}
      onRetry={() => void query.refetch()}
      retrying={query.isFetching}
    />
  );
}
