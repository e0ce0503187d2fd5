import { formatDateTime, formatRelativeTime } from '../../lib/format';

/** "5 min ago", with the full local date and time on hover and for machines. */
export function RelativeTime({ iso, now }: { iso: string; now: Date }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className="whitespace-nowrap">
      {formatRelativeTime(iso, now)}
    </time>
  );
}
