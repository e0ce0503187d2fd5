import type { CSSProperties, ReactNode } from 'react';

/** A grey placeholder block; decorative, so screen readers skip it. */
export function Skeleton({ className = '', style }: { className?: string; style?: CSSProperties }) {
  return (
    <div aria-hidden="true" className={`animate-pulse rounded bg-skeleton ${className}`} style={style} />
  );
}

/** Wraps placeholders and tells assistive technology what is loading. */
export function LoadingRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
