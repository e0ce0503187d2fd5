'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';

import { useIsAdmin } from '../../hooks/useRole';
import { useTRPC } from '../../trpc/provider';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { AddHostForm } from './AddHostForm';
import { HostStatusTable } from './HostStatusTable';

interface PinRequest {
  hostId: string;
  name: string;
  fingerprint: string;
  previous: string | null;
}

/** The hosts page: every host and whether it answers; admins add, confirm, re-pin and remove. */
export function HostsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isAdmin = useIsAdmin();
  const status = useQuery({ ...trpc.host.status.queryOptions(), refetchInterval: 10_000 });
  const [pinning, setPinning] = useState<PinRequest | null>(null);
  const [removing, setRemoving] = useState<{ hostId: string; name: string } | null>(null);

  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.host.status.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.host.list.queryKey() });
  };
  const pin = useMutation(
    trpc.host.pin.mutationOptions({
      onSuccess: (h) => {
        toast.success(`${h.name}: host key ${h.pinnedHostKey ?? ''} pinned`);
        changed();
      },
      onError: (error) => toast.error('The host key was not pinned', { description: error.message }),
    }),
  );
  const remove = useMutation(
    trpc.host.remove.mutationOptions({
      onSuccess: (r) => {
        toast.success(`Host ${r.removed} removed`);
        changed();
      },
      onError: (error) => toast.error('Could not remove the host', { description: error.message }),
    }),
  );

  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold tracking-tight">Hosts</h1>
      <Panel label="Hosts" title="SmartOS hosts">
        {status.isPending ? (
          <LoadingRegion label="Checking the hosts">
            <Skeleton className="h-24 w-full" />
          </LoadingRegion>
        ) : status.isError ? (
          <QueryErrorPanel title="Could not check the hosts" query={status} />
        ) : (
          <HostStatusTable
            hosts={status.data}
            isAdmin={isAdmin}
            onPin={(h) =>
              setPinning({
                hostId: h.id,
                name: h.name,
                fingerprint: h.presentedHostKey ?? '',
                previous: h.pinnedHostKey,
              })
            }
            onRemove={(h) => setRemoving({ hostId: h.id, name: h.name })}
          />
        )}
        {!isAdmin ? <p className="mt-3 text-xs text-ink-muted">Only admins add and change hosts.</p> : null}
      </Panel>
      {isAdmin ? (
        <Panel label="Add a host" title="Add a SmartOS host">
          <AddHostForm
            onAdded={(added, name) =>
              setPinning({ hostId: added.id, name, fingerprint: added.presentedHostKey, previous: null })
            }
          />
        </Panel>
      ) : null}
      <ConfirmDialog
        open={pinning !== null}
        title={
          pinning?.previous
            ? `Re-pin the host key of ${pinning.name}?`
            : `Confirm the host key of ${pinning?.name ?? ''}?`
        }
        confirmLabel="Trust this key"
        onCancel={() => setPinning(null)}
        onConfirm={() => {
          if (pinning) pin.mutate({ hostId: pinning.hostId, fingerprint: pinning.fingerprint });
          setPinning(null);
        }}
      >
        <span className="block">The host presents the key</span>
        <code className="my-1 block font-mono text-sm break-all">{pinning?.fingerprint}</code>
        {pinning?.previous ? (
          <span className="mb-1 block">
            instead of the pinned <code className="font-mono break-all">{pinning.previous}</code>.
          </span>
        ) : null}
        <span className="block">
          Compare it with what{' '}
          <code className="font-mono">ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> prints on the
          host itself, and trust it only if they match.
        </span>
      </ConfirmDialog>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? 'this host'}?`}
        confirmLabel="Remove host"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate({ hostId: removing.hostId });
          setRemoving(null);
        }}
      >
        The console forgets the host and its stored key. Nothing on the host changes.
      </ConfirmDialog>
    </div>
  );
}
