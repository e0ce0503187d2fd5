import type { SmfExplanation } from '@zonedeck/api/schemas';

import { ToneBadge } from '../common/ToneBadge';

/** `svcs -x`: each service that is not running as it should, why, and where to look. */
export function ServiceExplanations({ explanations }: { explanations: readonly SmfExplanation[] }) {
  return (
    <ul aria-label="Service problems" className="space-y-3">
      {explanations.map((e) => (
        <li
          key={e.fmri}
          className="rounded-md border border-red-200 bg-red-50/60 p-3 dark:border-red-900 dark:bg-red-950/30"
        >
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-[13px] font-semibold break-all">{e.fmri}</span>
            <ToneBadge tone="bad">{e.state}</ToneBadge>
            {e.since ? <span className="text-xs text-ink-muted">since {e.since}</span> : null}
          </p>
          {e.description ? <p className="text-xs text-ink-muted">{e.description}</p> : null}
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-[13px]">
            <dt className="text-ink-muted">Reason</dt>
            <dd>{e.reason}</dd>
            {e.impact ? (
              <>
                <dt className="text-ink-muted">Impact</dt>
                <dd>{e.impact}</dd>
              </>
            ) : null}
            {e.see.length > 0 ? (
              <>
                <dt className="text-ink-muted">See</dt>
                <dd>
                  <ul>
                    {e.see.map((s) => (
                      <li key={s} className="font-mono text-xs break-all">
                        {s}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
