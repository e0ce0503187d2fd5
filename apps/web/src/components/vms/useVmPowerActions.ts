'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import type { Job, VmSummary } from '@zonedeck/api/schemas';

import { isFinished } from '../../lib/jobCache';
import { canOperate, vmName, type PowerAction } from '../../lib/vmActions';
import { errorCode } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { useJobActivity } from '../jobs/JobEventsProvider';
import { toastActionRefused, toastJobStarted } from '../jobs/JobToasts';

export interface VmPowerActions {
  /** Whether the signed-in user may use power actions at all (operator or admin). */
  allowed: boolean;
  /** A request or a job of this browser is under way on the VM: its buttons wait. */
  isBusy: (uuid: string) => boolean;
  run: (action: PowerAction, vm: VmSummary) => void;
}

const verbs: Record<'start' | 'stop' | 'reboot', string> = { start: 'start', stop: 'stop', reboot: 'reboot' };

function messageOf(error: unknown): string | null {
  return error instanceof Error && error.message ? error.message : null;
}

/**
 * Start, stop, force stop and reboot for the VMs of one host. Each call returns a running Job at
 * once; its end arrives over `job.onEvent`, and the VM's new state over `vm.onEvent`, so nothing
 * is refetched here.
 */
export function useVmPowerActions(hostId: string): VmPowerActions {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const jobs = useJobActivity();
  const me = useQuery(trpc.auth.me.queryOptions());
  const [sending, setSending] = useState<ReadonlySet<string>>(() => new Set());

  function nameOf(uuid: string): string {
    const vm = queryClient.getQueryData(trpc.vm.list.queryKey({ hostId }))?.find((v) => v.uuid === uuid);
    return vm ? vmName(vm) : uuid;
  }

  function callbacks(action: 'start' | 'stop' | 'reboot') {
    return {
      onMutate: (input: { uuid: string }) => {
        setSending((current) => new Set(current).add(input.uuid));
      },
      onSuccess: (job: Job) => {
        const latest = jobs.track(job);
        // A job that ended before its answer arrived already has its toast.
        if (!isFinished(latest)) toastJobStarted(latest);
      },
      onError: (error: unknown, input: { uuid: string }) => {
        const message = messageOf(error);
        if (errorCode(error) === 'CONFLICT' && message) toastActionRefused(message, null);
        else toastActionRefused(`Could not ${verbs[action]} ${nameOf(input.uuid)}`, message);
      },
      onSettled: (_job: unknown, _error: unknown, input: { uuid: string }) => {
        setSending((current) => {
          const next = new Set(current);
          next.delete(input.uuid);
          return next;
        });
      },
    };
  }

  const start = useMutation(trpc.vm.start.mutationOptions(callbacks('start')));
  const stop = useMutation(trpc.vm.stop.mutationOptions(callbacks('stop')));
  const reboot = useMutation(trpc.vm.reboot.mutationOptions(callbacks('reboot')));

  return {
    allowed: me.data ? canOperate(me.data.role) : false,
    isBusy: (uuid) => sending.has(uuid) || jobs.isBusy(hostId, uuid),
    run: (action, vm) => {
      const target = { hostId, uuid: vm.uuid };
      switch (action) {
        case 'start':
          start.mutate(target);
          return;
        case 'stop':
          stop.mutate({ ...target, force: false });
          return;
        case 'forceStop':
          stop.mutate({ ...target, force: true });
          return;
        case 'reboot':
          reboot.mutate({ ...target, force: false });
          return;
      }
    },
  };
}
