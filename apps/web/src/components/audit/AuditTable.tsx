import type { AuditEntry } from '@zonedeck/api/schemas';

import { compactArgs } from '../../lib/auditText';
import { RelativeTime } from '../common/RelativeTime';
import { AuditResultBadge } from './AuditResultBadge';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-2 align-top';

function Target({ entry, name }: { entry: AuditEntry; name: string | undefined }) {
  if (entry.target === null) return <span className="text-ink-faint">none</span>;
  return (
    <>
      {name ? <div className="font-medium">{name}</div> : null}
      <div className={`font-mono text-xs whitespace-nowrap ${name ? 'text-ink-muted' : ''}`}>
        {entry.target}
      </div>
    </>
  );
}

/**
 * Audit entries, newest first. `names` maps targets (VM uuids) to names where the console knows
 * them. Everything here is text: user names, details and arguments are never read as HTML.
 */
export function AuditTable({
  entries,
  names,
  now,
}: {
  entries: readonly AuditEntry[];
  names: ReadonlyMap<string, string>;
  now: Date;
}) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Audit log" className="w-full border-collapse text-sm">
        <thead className="border-b border-line bg-sunken">
          <tr>
            {['When', 'Who', 'Action', 'Target', 'Result', 'Detail', 'Arguments'].map((label) => (
              <th key={label} scope="col" className={th}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {entries.map((entry) => (
            <tr key={entry.id} className="hover:bg-sunken/70">
              <td className={`${td} text-ink-muted`}>
                <RelativeTime iso={entry.at} now={now} />
              </td>
              <td className={`${td} whitespace-nowrap`}>{entry.username}</td>
              <td className={td}>
                <code className="font-mono text-xs whitespace-nowrap">{entry.action}</code>
              </td>
              <td className={td}>
                <Target entry={entry} name={entry.target === null ? undefined : names.get(entry.target)} />
              </td>
              <td className={td}>
                <AuditResultBadge result={entry.result} />
              </td>
              <td className={`${td} max-w-xs break-words text-ink-muted`}>{entry.detail}</td>
              <td className={`${td} max-w-xs`}>
                <code className="block font-mono text-xs break-all text-ink-muted">
                  {compactArgs(entry.args)}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
