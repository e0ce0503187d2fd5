import { Play, Square, X } from 'lucide-react';

import type { BulkAction } from '../../../lib/vmListBulk';
import { Button } from '../../common/Button';

/** What to do with the selected VMs: start or stop each (a job per VM), or clear the selection. */
export function VmBulkBar({
  count,
  running,
  onAction,
  onClear,
}: {
  count: number;
  /** A bulk action is being sent: its buttons wait. */
  running: boolean;
  onAction: (action: BulkAction) => void;
  onClear: () => void;
}) {
  return (
    <div
      role="region"
      aria-label="Selected VMs"
      className="flex flex-wrap items-center gap-2 border-t border-line bg-accent/5 px-4 py-2 text-sm"
    >
      <span className="font-medium">{count === 1 ? '1 VM selected' : `${count} VMs selected`}</span>
      <Button size="sm" disabled={running} onClick={() => onAction('start')}>
        <Play aria-hidden="true" className="size-3.5" />
        Start selected
      </Button>
      <Button size="sm" disabled={running} onClick={() => onAction('stop')}>
        <Square aria-hidden="true" className="size-3.5" />
        Stop selected
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        <X aria-hidden="true" className="size-3.5" />
        Clear selection
      </Button>
    </div>
  );
}
