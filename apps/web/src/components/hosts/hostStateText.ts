import type { HostStatus } from '@zonedeck/api/schemas';

import type { StateTone } from '../../lib/format';

/** A host's state as a word, its tone, and what it means for the admin. */
export function hostStateText(h: HostStatus): { label: string; tone: StateTone; explain: string | null } {
  switch (h.state) {
    case 'connected':
      return { label: 'connected', tone: 'ok', explain: null };
    case 'unconfirmed':
      return {
        label: 'host key not confirmed',
        tone: 'busy',
        explain: h.presentedHostKey
          ? `It presented ${h.presentedHostKey}. Nothing runs there until an admin confirms this key.`
          : 'Nothing runs there until an admin confirms its host key.',
      };
    case 'hostKeyChanged':
      return {
        label: 'host key changed',
        tone: 'bad',
        explain: `It presented ${h.presentedHostKey ?? 'another key'}, but ${h.pinnedHostKey ?? 'another key'} is pinned. Nothing is run on it: if the host was reinstalled or its keys were regenerated, check the new fingerprint on the host and re-pin it.`,
      };
    case 'authFailed':
      return { label: 'authentication failed', tone: 'bad', explain: null };
    case 'unreachable':
      return { label: 'unreachable', tone: 'bad', explain: null };
    case 'keyUnusable':
      return { label: 'key unusable', tone: 'bad', explain: null };
  }
}

/** `user@address:port`, or where the demo host lives. */
export function hostAddressText(h: HostStatus): string {
  if (h.address === null) return h.source === 'demo' ? 'embedded in the console' : '–';
  const address = h.address.includes(':') ? `[${h.address}]` : h.address;
  return `${h.username ?? '?'}@${address}:${h.port ?? 22}`;
}
