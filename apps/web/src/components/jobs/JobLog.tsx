import type { JobLogLine } from '@zonedeck/api/schemas';

import { formatDateTime } from '../../lib/format';

function clock(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toLocaleTimeString(undefined, { hour12: false });
}

/** A job's log, one line each with its time. Lines come from hosts: shown as text, never HTML. */
export function JobLog({ lines }: { lines: readonly JobLogLine[] }) {
  if (lines.length === 0) return <p className="text-ink-muted">No log lines yet.</p>;
  return (
    <ol
      aria-label="Job log"
      className="overflow-x-auto rounded-md border border-line bg-sunken p-3 font-mono text-xs leading-5"
    >
      {lines.map((entry, index) => (
        <li key={index} className="grid grid-cols-[auto_1fr] gap-x-3">
          <time dateTime={entry.at} title={formatDateTime(entry.at)} className="text-ink-faint select-none">
            {clock(entry.at)}
          </time>
          <span className="break-words whitespace-pre-wrap">{entry.line}</span>
        </li>
      ))}
    </ol>
  );
}
