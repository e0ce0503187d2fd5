import { Ban, CircleCheck, CircleX, type LucideIcon } from 'lucide-react';

import type { AuditEntry } from '@zonedeck/api/schemas';

const looks: Record<AuditEntry['result'], { icon: LucideIcon; className: string }> = {
  ok: { icon: CircleCheck, className: 'text-emerald-700 dark:text-emerald-400' },
  error: { icon: CircleX, className: 'text-red-700 dark:text-red-400' },
  refused: { icon: Ban, className: 'text-amber-700 dark:text-amber-400' },
};

/** How an audited action ended, as an icon and its word. */
export function AuditResultBadge({ result }: { result: AuditEntry['result'] }) {
  const look = looks[result];
  const Icon = look.icon;
  return (
    <span
      className={`inline-flex items-center gap-1.5 text-xs font-medium whitespace-nowrap ${look.className}`}
    >
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      {result}
    </span>
  );
}
