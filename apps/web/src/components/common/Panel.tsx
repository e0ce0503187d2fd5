import type { ReactNode } from 'react';

/** A titled box on the page; `label` names the region for assistive technology and tests. */
export function Panel({
  label,
  title,
  actions,
  children,
}: {
  label: string;
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-label={label} className="rounded-lg border border-line bg-surface shadow-xs">
      <header className="flex min-h-11 items-center justify-between gap-3 border-b border-line px-4 py-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
