'use client';

import type { SessionEntry } from '@zonedeck/api/schemas';

import { Button } from '../common/Button';
import { RelativeTime } from '../common/RelativeTime';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-2 align-top';

/**
 * Live sessions with an End button each; the caller's own is marked. With `showUser`, for
 * admins' list of everyone's. Addresses and user agents are shown as text.
 */
export function SessionsTable({
  sessions,
  now,
  showUser = false,
  onRevoke,
  revoking,
}: {
  sessions: readonly SessionEntry[];
  now: Date;
  showUser?: boolean;
  onRevoke: (session: SessionEntry) => void;
  revoking: string | null;
}) {
  const headers = [...(showUser ? ['User'] : []), 'Signed in', 'Last seen', 'Address', 'Browser', ''];
  return (
    <div className="overflow-x-auto">
      <table
        aria-label={showUser ? 'All sessions' : 'Your sessions'}
        className="w-full border-collapse text-sm"
      >
        <thead className="border-b border-line bg-sunken">
          <tr>
            {headers.map((label, i) => (
              <th key={i} scope="col" className={th}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {sessions.map((s) => (
            <tr key={s.id} aria-current={s.current ? 'true' : undefined}>
              {showUser ? <td className={`${td} font-medium`}>{s.username}</td> : null}
              <td className={td}>
                <RelativeTime iso={s.createdAt} now={now} />
                {s.current ? (
                  <span className="ml-2 rounded bg-accent/15 px-1.5 py-px text-xs font-medium text-accent-strong">
                    this session
                  </span>
                ) : null}
              </td>
              <td className={td}>
                <RelativeTime iso={s.lastSeenAt} now={now} />
              </td>
              <td className={`${td} font-mono text-xs`}>{s.address ?? 'unknown'}</td>
              <td
                className={`${td} max-w-80 truncate text-xs text-ink-muted`}
                title={s.userAgent ?? undefined}
              >
                {s.userAgent ?? 'unknown'}
              </td>
              <td className={`${td} text-right`}>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={revoking === s.id}
                  onClick={() => onRevoke(s)}
                  // The name starts with the visible text (WCAG 2.5.3), then says whose session it is.
                  aria-label={`${s.current ? 'Sign out here' : 'End'} (session of ${s.username} from ${s.address ?? 'unknown address'})`}
                >
                  {s.current ? 'Sign out here' : 'End'}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
