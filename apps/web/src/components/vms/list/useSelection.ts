'use client';

import { useState } from 'react';

import type { VmSummary } from '@zonedeck/api/schemas';

export interface VmSelection {
  /** The selected VMs' uuids that are still on the host. */
  selected: ReadonlySet<string>;
  set: (uuids: readonly string[], on: boolean) => void;
  clear: () => void;
}

/**
 * Which VMs are selected for a bulk action. Not in the URL (a shared link shows a view, not a
 * selection); a VM that leaves the host leaves the selection.
 */
export function useSelection(vms: readonly VmSummary[] | undefined): VmSelection {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const present = new Set((vms ?? []).map((vm) => vm.uuid));
  const selected = new Set([...chosen].filter((uuid) => present.has(uuid)));
  return {
    selected,
    set: (uuids, on) =>
      setChosen((current) => {
        const next = new Set(current);
        for (const uuid of uuids) {
          if (on) next.add(uuid);
          else next.delete(uuid);
        }
        return next;
      }),
    clear: () => setChosen(new Set()),
  };
}
