'use client';

import type { HostStatus } from '@zonedeck/api/schemas';

import { Button } from '../common/Button';
import { ToneBadge } from '../common/ToneBadge';
import { hostAddressText, hostStateText } from './hostStateText';

const sourceText: Record<HostStatus['source'], string> = {
  demo: 'demo host',
  environment: 'from ZONEDECK_SSH_*',
  console: 'added here',
};

/** Every host with its address, key, pinned host key and whether it answers; admins act on the ones added here. */
export function HostStatusTable({
  hosts,
  isAdmin,
  onPin,
  onRemove,
}: {
  hosts: HostStatus[];
  isAdmin: boolean;
  onPin: (host: HostStatus) => void;
  onRemove: (host: HostStatus) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Hosts" className="w-full text-left text-sm">
        <thead className="border-b border-line text-xs text-ink-muted">
          <tr>
            <th className="py-2 pr-3 font-medium">Host</th>
            <th className="py-2 pr-3 font-medium">Address</th>
            <th className="py-2 pr-3 font-medium">Key</th>
            <th className="py-2 pr-3 font-medium">Pinned host key</th>
            <th className="py-2 pr-3 font-medium">State</th>
            {isAdmin ? <th className="py-2 font-medium">Actions</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {hosts.map((h) => {
            const state = hostStateText(h);
            const canPin =
              h.source === 'console' &&
              h.presentedHostKey !== null &&
              (h.state === 'unconfirmed' || h.state === 'hostKeyChanged');
            return (
              <tr key={h.id} aria-label={h.name} className="align-top">
                <td className="py-2 pr-3">
                  <span className="block font-medium">{h.name}</span>
                  <span className="text-xs text-ink-muted">
                    {h.id} · {sourceText[h.source]}
                  </span>
                </td>
                <td className="py-2 pr-3 font-mono text-[13px] break-all">{hostAddressText(h)}</td>
                <td className="py-2 pr-3 text-xs">
                  {h.keySource === 'stored' ? (
                    'stored encrypted'
                  ) : h.keyPath ? (
                    <span className="font-mono break-all">{h.keyPath}</span>
                  ) : (
                    '–'
                  )}
                </td>
                <td className="py-2 pr-3 font-mono text-xs break-all">{h.pinnedHostKey ?? '–'}</td>
                <td className="max-w-md py-2 pr-3">
                  <ToneBadge tone={state.tone}>{state.label}</ToneBadge>
                  {state.explain ? <p className="mt-1 text-xs break-words">{state.explain}</p> : null}
                  {/* The server's own words where the page has none of its own. */}
                  {h.message && !state.explain ? (
                    <p className="mt-1 text-xs break-words text-ink-muted">{h.message}</p>
                  ) : null}
                </td>
                {isAdmin ? (
                  <td className="py-2">
                    <div className="flex flex-wrap gap-1.5">
                      {canPin ? (
                        <Button
                          size="sm"
                          onClick={() => onPin(h)}
                          aria-label={`Confirm the host key of ${h.name}`}
                        >
                          {h.state === 'hostKeyChanged' ? 'Re-pin key' : 'Confirm key'}
                        </Button>
                      ) : null}
                      {h.source === 'console' ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => onRemove(h)}
                          aria-label={`Remove ${h.name}`}
                        >
                          Remove
                        </Button>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
