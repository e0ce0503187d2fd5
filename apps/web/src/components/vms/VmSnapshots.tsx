'use client';

import { useMutation } from '@tanstack/react-query';
import { Camera, History, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';

import type { VmDetail } from '@zonedeck/api/schemas';

import { formatDateTime } from '../../lib/format';
import { brandHasSnapshots, snapshotsNewerThan, vmSnapshots } from '../../lib/vmDetail';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Panel } from '../common/Panel';
import { TextField } from './FormField';
import { useJobStarter } from './useJobStarter';

/** The contract's snapshot name rule (vm.snapshot.* input), checked before sending. */
const SNAPSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function snapshotNameError(name: string, taken: readonly string[]): string | null {
  if (name === '') return 'give the snapshot a name';
  if (!SNAPSHOT_NAME.test(name))
    return 'letters, digits and _ . : - only, at most 64, starting with a letter or digit';
  if (taken.includes(name)) return 'this VM already has a snapshot of that name';
  return null;
}

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-2 align-middle';

function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Snapshots of one VM: take one, roll back to one (after a warning), delete one. */
export function VmSnapshots({
  hostId,
  vm,
  name,
  admin,
  busy,
}: {
  hostId: string;
  vm: VmDetail;
  /** The VM as toasts name it. */
  name: string;
  admin: boolean;
  busy: boolean;
}) {
  const trpc = useTRPC();
  const jobs = useJobStarter();
  const snapshots = vmSnapshots(vm);
  const [draft, setDraft] = useState('');
  const [tried, setTried] = useState(false);
  const [rollbackTo, setRollbackTo] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const target = { hostId, uuid: vm.uuid };

  const create = useMutation(
    trpc.vm.snapshot.create.mutationOptions({
      onSuccess: (job) => {
        jobs.started(job);
        setDraft('');
        setTried(false);
      },
      onError: (error) => jobs.refused(`Could not snapshot ${name}`, error),
    }),
  );
  const rollback = useMutation(
    trpc.vm.snapshot.rollback.mutationOptions({
      onSuccess: (job) => void jobs.started(job),
      onError: (error) => jobs.refused(`Could not roll back ${name}`, error),
    }),
  );
  const remove = useMutation(
    trpc.vm.snapshot.delete.mutationOptions({
      onSuccess: (job) => void jobs.started(job),
      onError: (error) => jobs.refused(`Could not delete the snapshot of ${name}`, error),
    }),
  );

  const supported = brandHasSnapshots(vm.brand);
  const error = tried
    ? snapshotNameError(
        draft.trim(),
        snapshots.map((s) => s.name),
      )
    : null;
  const sending = create.isPending || rollback.isPending || remove.isPending;

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    const snapshotName = draft.trim();
    if (
      snapshotNameError(
        snapshotName,
        snapshots.map((s) => s.name),
      )
    )
      return;
    create.mutate({ ...target, name: snapshotName });
  }

  const lost = rollbackTo ? snapshotsNewerThan(snapshots, rollbackTo) : [];

  return (
    <Panel
      label="Snapshots"
      title={
        <>
          Snapshots <span className="font-normal text-ink-muted">{snapshots.length}</span>
        </>
      }
    >
      {!supported ? (
        <p className="mb-4 rounded-md bg-sunken px-3 py-2 text-ink-muted">
          vmadm does not snapshot {vm.brand} VMs; snapshot their disks with zfs instead.
        </p>
      ) : admin ? (
        <form
          onSubmit={onCreate}
          noValidate
          aria-label="Create a snapshot"
          className="mb-4 flex flex-wrap items-start gap-2"
        >
          <TextField
            label="New snapshot name"
            className="w-72"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            error={error ?? undefined}
            placeholder="before-upgrade"
          />
          <Button type="submit" variant="primary" className="mt-5" disabled={busy || sending}>
            <Camera aria-hidden="true" className="size-4" />
            Create snapshot
          </Button>
        </form>
      ) : null}
      {snapshots.length === 0 ? (
        <p className="py-4 text-center text-ink-muted">
          No snapshots yet: take one before a risky change, to roll back to.
        </p>
      ) : (
        <div className="-mx-4 -mb-4 overflow-x-auto border-t border-line">
          <table aria-label="Snapshots" className="w-full border-collapse text-sm">
            <thead className="border-b border-line bg-sunken">
              <tr>
                <th scope="col" className={th}>
                  Name
                </th>
                <th scope="col" className={th}>
                  Taken
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Size
                </th>
                {admin ? (
                  <th scope="col" className={`${th} text-right`}>
                    Actions
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {snapshots.map((s) => (
                <tr key={s.name}>
                  <td className={`${td} font-mono text-xs font-medium`}>{s.name}</td>
                  <td className={td}>
                    {s.createdAt ? (
                      formatDateTime(s.createdAt)
                    ) : (
                      <span className="text-ink-faint">unknown</span>
                    )}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>
                    {s.size !== null ? formatBytes(s.size) : ''}
                  </td>
                  {admin ? (
                    <td className={`${td} py-1.5`}>
                      <div className="flex justify-end gap-1.5">
                        <Button
                          size="sm"
                          aria-label={`Roll back to ${s.name}`}
                          disabled={busy || sending}
                          onClick={() => setRollbackTo(s.name)}
                        >
                          <History aria-hidden="true" className="size-3.5" />
                          Roll back
                        </Button>
                        <Button
                          size="sm"
                          variant="danger"
                          aria-label={`Delete snapshot ${s.name}`}
                          disabled={busy || sending}
                          onClick={() => setDeleting(s.name)}
                        >
                          <Trash2 aria-hidden="true" className="size-3.5" />
                          Delete
                        </Button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={rollbackTo !== null}
        title={`Roll ${name} back to ${rollbackTo ?? ''}?`}
        confirmLabel="Roll back"
        onConfirm={() => {
          if (rollbackTo) rollback.mutate({ ...target, name: rollbackTo });
          setRollbackTo(null);
        }}
        onCancel={() => setRollbackTo(null)}
      >
        <p>
          vmadm stops the VM, returns its disks to the snapshot and boots it again. Changes made since the
          snapshot are lost.
        </p>
        {lost.length ? (
          <p className="mt-2 font-medium text-red-700 dark:text-red-300">
            Newer snapshots are destroyed: {lost.map((s) => s.name).join(', ')}.
          </p>
        ) : (
          <p className="mt-2">It is the newest snapshot: no other snapshot is lost.</p>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete snapshot ${deleting ?? ''}?`}
        confirmLabel="Delete snapshot"
        onConfirm={() => {
          if (deleting) remove.mutate({ ...target, name: deleting });
          setDeleting(null);
        }}
        onCancel={() => setDeleting(null)}
      >
        The VM can no longer be rolled back to it.
      </ConfirmDialog>
    </Panel>
  );
}
