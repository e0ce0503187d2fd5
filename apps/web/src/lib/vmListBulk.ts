// Bulk start / stop of the selected VMs: which of them the action applies to, and what to tell
// the admin afterwards. Each VM gets its own job; a refusal (the per-VM lock, a missing role) is
// reported by name, never dropped. Pure: tested in vmListBulk.test.ts.
import type { VmState, VmSummary } from '@zonedeck/api/schemas';

import { powerActionsFor, vmName } from './vmActions';

export type BulkAction = 'start' | 'stop';

export interface BulkPlan {
  /** The VMs whose state offers the action. */
  targets: VmSummary[];
  /** The others, each with its state (a running VM cannot be started). */
  skipped: { vm: VmSummary; state: VmState }[];
}

export function planBulk(action: BulkAction, selected: readonly VmSummary[]): BulkPlan {
  const plan: BulkPlan = { targets: [], skipped: [] };
  for (const vm of selected) {
    if (powerActionsFor(vm.state).includes(action)) plan.targets.push(vm);
    else plan.skipped.push({ vm, state: vm.state });
  }
  return plan;
}

export interface BulkOutcome {
  /** Jobs started, one per VM. */
  started: VmSummary[];
  /** Refused by the server, with its reason (e.g. "samba is busy with …"). */
  refused: { vm: VmSummary; reason: string }[];
  skipped: BulkPlan['skipped'];
}

export interface BulkReport {
  tone: 'success' | 'warning' | 'error';
  title: string;
  /** One line per VM that did not get a job, with why. */
  lines: string[];
}

const verbs: Record<BulkAction, { ing: string; base: string; done: string }> = {
  start: { ing: 'Starting', base: 'start', done: 'started' },
  stop: { ing: 'Stopping', base: 'stop', done: 'stopped' },
};

function vms(n: number): string {
  return n === 1 ? '1 VM' : `${n} VMs`;
}

/** The toast after a bulk action: how many jobs started, and each VM left out and why. */
export function bulkReport(action: BulkAction, outcome: BulkOutcome): BulkReport {
  const { started, refused, skipped } = outcome;
  const lines = [
    ...refused.map(({ vm, reason }) => `${vmName(vm)}: refused: ${reason}`),
    ...skipped.map(
      ({ vm, state }) => `${vmName(vm)}: not ${verbs[action].done}, it is ${state.replaceAll('_', ' ')}`,
    ),
  ];
  const title =
    started.length === 0
      ? `Could not ${verbs[action].base} any of ${vms(refused.length + skipped.length)}`
      : `${verbs[action].ing} ${vms(started.length)}` +
        (lines.length > 0 ? `, ${lines.length} left out` : '');
  const tone = started.length === 0 ? 'error' : lines.length > 0 ? 'warning' : 'success';
  return { tone, title, lines };
}
