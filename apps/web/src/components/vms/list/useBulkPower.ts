'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';

import type { Job, VmSummary } from '@zonedeck/api/schemas';

import { bulkReport, planBulk, type BulkAction, type BulkOutcome } from '../../../lib/vmListBulk';
import { useTRPC } from '../../../trpc/provider';
import { useJobActivity } from '../../jobs/JobEventsProvider';

function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'the server refused';
}

/**
 * Start or stop several VMs: one job per VM (each takes its VM's lock), sent together. Each
 * started job is tracked like a single action's (its end raises its toast); one toast sums up,
 * naming every VM the server refused or whose state did not allow the action.
 */
export function useBulkPower(hostId: string) {
  const trpc = useTRPC();
  const jobs = useJobActivity();
  const start = useMutation(trpc.vm.start.mutationOptions());
  const stop = useMutation(trpc.vm.stop.mutationOptions());
  const [running, setRunning] = useState(false);

  async function run(action: BulkAction, selected: readonly VmSummary[]): Promise<void> {
    const plan = planBulk(action, selected);
    setRunning(true);
    const send = (vm: VmSummary): Promise<Job> =>
      action === 'start'
        ? start.mutateAsync({ hostId, uuid: vm.uuid })
        : stop.mutateAsync({ hostId, uuid: vm.uuid, force: false });
    const settled = await Promise.allSettled(plan.targets.map(send));
    setRunning(false);

    const outcome: BulkOutcome = { started: [], refused: [], skipped: plan.skipped };
    settled.forEach((result, i) => {
      const vm = plan.targets[i];
      if (!vm) return;
      if (result.status === 'fulfilled') {
        jobs.track(result.value);
        outcome.started.push(vm);
      } else outcome.refused.push({ vm, reason: reasonOf(result.reason) });
    });
    const report = bulkReport(action, outcome);
    const options = {
      description: report.lines.length > 0 ? report.lines.join('\n') : undefined,
      duration: report.lines.length > 0 ? 20_000 : 6_000,
      className: 'whitespace-pre-line',
    };
    if (report.tone === 'success') toast.success(report.title, options);
    else if (report.tone === 'warning') toast.warning(report.title, options);
    else toast.error(report.title, options);
  }

  return { running, run };
}
