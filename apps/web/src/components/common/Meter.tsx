/** A horizontal bar for a share of a whole (capacity, scrub progress); indeterminate when `value` is null. */
export function Meter({
  value,
  label,
  tone = 'accent',
  size = 'md',
}: {
  /** 0..1, or null when the share is not known yet. */
  value: number | null;
  label: string;
  tone?: 'accent' | 'ok' | 'warn' | 'bad';
  size?: 'sm' | 'md';
}) {
  const fill = {
    accent: 'bg-accent',
    ok: 'bg-emerald-500',
    warn: 'bg-amber-500',
    bad: 'bg-red-500',
  }[tone];
  const height = size === 'sm' ? 'h-1.5' : 'h-2.5';
  if (value === null) {
    return (
      <div
        role="progressbar"
        aria-label={label}
        aria-valuetext="in progress, amount unknown"
        className={`relative ${height} w-full overflow-hidden rounded-full bg-sunken ring-1 ring-line ring-inset`}
      >
        <div
          className={`absolute inset-y-0 w-1/3 animate-[meter-slide_1.2s_ease-in-out_infinite] rounded-full ${fill}`}
        />
      </div>
    );
  }
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 1000) / 10;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={`${height} w-full overflow-hidden rounded-full bg-sunken ring-1 ring-line ring-inset`}
    >
      <div
        className={`h-full rounded-full ${fill} transition-[width] duration-500`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
