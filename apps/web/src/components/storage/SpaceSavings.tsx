import { formatBytes, formatRatio, spaceFigures } from '../../lib/storage';

const segments = [
  { key: 'allocatedBytes', label: 'On disk (allocated)', color: 'bg-accent' },
  { key: 'dedupSavedBytes', label: 'Saved by dedup', color: 'bg-emerald-500' },
  { key: 'compressionSavedBytes', label: 'Saved by compression', color: 'bg-amber-400' },
] as const;

/**
 * What dedup and compression save, as one stacked bar from the logical size down to what is on
 * disk, with the bytes of each part.
 */
export function SpaceSavings({
  pool,
  allocatedBytes,
  dedupRatio,
  compressRatio,
}: {
  pool: string;
  allocatedBytes: number;
  dedupRatio: number | null;
  compressRatio: number | null;
}) {
  const f = spaceFigures({ allocatedBytes, dedupRatio, compressRatio });
  const whole = f.logicalBytes || 1;
  return (
    <div className="space-y-3">
      <p className="text-ink-muted">
        Written to <span className="font-mono">{pool}</span>:{' '}
        <span className="font-semibold text-ink">{formatBytes(f.logicalBytes)}</span> logical, stored in{' '}
        <span className="font-semibold text-ink">{formatBytes(f.allocatedBytes)}</span> —{' '}
        <span className="font-semibold text-emerald-700 dark:text-emerald-400">
          {formatBytes(f.totalSavedBytes)} saved
        </span>
        .
      </p>
      <div
        role="img"
        aria-label={`Logical ${formatBytes(f.logicalBytes)}: ${formatBytes(f.allocatedBytes)} on disk, ${formatBytes(f.dedupSavedBytes)} saved by dedup, ${formatBytes(f.compressionSavedBytes)} saved by compression`}
        className="flex h-5 w-full overflow-hidden rounded ring-1 ring-line ring-inset"
      >
        {segments.map((s) => (
          <div
            key={s.key}
            className={`${s.color} h-full`}
            style={{ width: `${(f[s.key] / whole) * 100}%` }}
          />
        ))}
      </div>
      <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
        {segments.map((s) => (
          <div key={s.key}>
            <dt className="flex items-center gap-2 text-xs text-ink-muted">
              <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-sm ${s.color}`} />
              {s.label}
            </dt>
            <dd className="pl-4.5 font-semibold tabular-nums">
              {formatBytes(f[s.key])}
              {s.key === 'dedupSavedBytes' ? (
                <span className="ml-1 font-normal text-ink-muted">at {formatRatio(dedupRatio)}</span>
              ) : s.key === 'compressionSavedBytes' ? (
                <span className="ml-1 font-normal text-ink-muted">at {formatRatio(compressRatio)}</span>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-ink-faint">
        Referenced = allocated × dedup ratio; logical = referenced × compression ratio (the root dataset’s).
      </p>
    </div>
  );
}
