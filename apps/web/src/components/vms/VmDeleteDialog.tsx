'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import type { Job, VmDetail } from '@zonedeck/api/schemas';

import { vmDatasets, vmSnapshots } from '../../lib/vmDetail';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { ModalDialog } from '../common/ModalDialog';
import { TextField } from './FormField';
import { useJobStarter } from './useJobStarter';

function DeleteForm({
  hostId,
  vm,
  name,
  onClose,
  onStarted,
}: {
  hostId: string;
  vm: VmDetail;
  name: string;
  onClose: () => void;
  onStarted: (job: Job) => void;
}) {
  const trpc = useTRPC();
  const jobs = useJobStarter();
  const [typed, setTyped] = useState('');
  const snapshots = vmSnapshots(vm);
  const datasets = vmDatasets(vm);
  // The alias, or the uuid of a VM without one: what the admin types to show they mean this VM.
  const confirmText = vm.alias ?? vm.uuid;
  const matches = typed === confirmText;

  const remove = useMutation(
    trpc.vm.delete.mutationOptions({
      onSuccess: (job) => {
        onStarted(jobs.started(job));
        onClose();
      },
      onError: (error) => jobs.refused(`Could not delete ${name}`, error),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (matches) remove.mutate({ hostId, uuid: vm.uuid });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Delete ${name}`} className="space-y-4">
      <p>
        <code className="font-mono text-xs">vmadm delete</code> stops the VM and destroys it with everything
        below. This cannot be undone.
      </p>
      <div>
        <h3 className="text-xs font-medium tracking-wide text-ink-muted uppercase">Datasets destroyed</h3>
        {datasets.length ? (
          <ul
            aria-label="Datasets destroyed"
            className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs break-all"
          >
            {datasets.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-ink-muted">The host lists none.</p>
        )}
      </div>
      <div>
        <h3 className="text-xs font-medium tracking-wide text-ink-muted uppercase">Snapshots destroyed</h3>
        {snapshots.length ? (
          <ul aria-label="Snapshots destroyed" className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs">
            {snapshots.map((s) => (
              <li key={s.name}>{s.name}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-ink-muted">None.</p>
        )}
      </div>
      <TextField
        label={`Type ${vm.alias ? 'the alias' : 'the uuid'} “${confirmText}” to confirm`}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoFocus
      />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={!matches || remove.isPending}>
          {remove.isPending ? 'Sending…' : `Delete ${name}`}
        </Button>
      </div>
    </form>
  );
}

/** Deleting a VM: what goes with it, then the alias typed to confirm. */
export function VmDeleteDialog(props: {
  open: boolean;
  onClose: () => void;
  hostId: string;
  vm: VmDetail;
  name: string;
  onStarted: (job: Job) => void;
}) {
  return (
    <ModalDialog open={props.open} title={`Delete ${props.name}?`} onClose={props.onClose}>
      {props.open ? <DeleteForm {...props} /> : null}
    </ModalDialog>
  );
}
