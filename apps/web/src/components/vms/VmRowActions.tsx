import { OctagonX, Play, RotateCw, Square, type LucideIcon } from 'lucide-react';

import type { VmSummary } from '@zonedeck/api/schemas';

import { powerActionsFor, vmName, type PowerAction } from '../../lib/vmActions';
import { Button } from '../common/Button';

const looks: Record<PowerAction, { label: string; icon: LucideIcon; danger?: boolean }> = {
  start: { label: 'Start', icon: Play },
  stop: { label: 'Stop', icon: Square },
  reboot: { label: 'Reboot', icon: RotateCw },
  forceStop: { label: 'Force stop', icon: OctagonX, danger: true },
};

/**
 * The power buttons of one VM row; each button's name says which VM it acts on ("Stop samba").
 * The first (start or stop) shows its word; the others are icons with the word as their name and
 * tooltip, so the row stays narrow enough for the list's columns.
 */
export function VmRowActions({
  vm,
  busy,
  onAction,
}: {
  vm: VmSummary;
  busy: boolean;
  onAction: (action: PowerAction, vm: VmSummary) => void;
}) {
  const name = vmName(vm);
  const actions = powerActionsFor(vm.state);
  return (
    // min-h keeps the row height while a VM is between states and offers no button.
    <div className="flex min-h-7 items-center justify-end gap-1.5">
      {actions.map((action, index) => {
        const look = looks[action];
        const Icon = look.icon;
        return (
          <Button
            key={action}
            size="sm"
            variant={look.danger ? 'danger' : 'secondary'}
            aria-label={`${look.label} ${name}`}
            title={index === 0 ? undefined : `${look.label} ${name}`}
            disabled={busy}
            onClick={() => onAction(action, vm)}
          >
            <Icon aria-hidden="true" className="size-3.5" />
            {index === 0 ? look.label : null}
          </Button>
        );
      })}
    </div>
  );
}
