'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ChevronLeft,
  OctagonX,
  Pencil,
  Play,
  RotateCw,
  Square,
  SquareTerminal,
  Trash2,
  type LucideIcon,
} from 'lucide-react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

import type { Job, VmDetail, VmEvent, VmSummary } from '@zonedeck/api/schemas';

import { consoleHref, kindsOf } from '../../lib/consoleLinks';
import { brandFamily } from '../../lib/format';
import { canAdminister, canOperate, powerActionsFor, type PowerAction } from '../../lib/vmActions';
import { isHvmBrand, jobsThatEnded } from '../../lib/vmDetail';
import { errorCode } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { LiveIndicator } from './LiveIndicator';
import { useLiveVms } from './useLiveVms';
import { useVmPowerActions } from './useVmPowerActions';
import { VmActivity, vmJobsInput } from './VmActivity';
import { VmDeleteDialog } from './VmDeleteDialog';
import {
  VmDisksSection,
  VmJsonSection,
  VmMetadataSection,
  VmNetworkSection,
  VmSummarySection,
} from './VmDetailSections';
import { VmSnapshots } from './VmSnapshots';
import { VmStateBadge } from './VmStateBadge';
import { VmTabs, type TabDef } from './VmTabs';

// The edit dialog carries the zod rules of VmSpec: loaded when an admin first opens it.
const VmEditDialog = dynamic(() => import('./VmEditDialog').then((m) => m.VmEditDialog), { ssr: false });

type TabId = 'summary' | 'network' | 'disks' | 'metadata' | 'snapshots' | 'json' | 'activity';

function tabsFor(brand: string): TabDef<TabId>[] {
  return [
    { id: 'summary', label: 'Summary' },
    { id: 'network', label: 'Network' },
    ...(isHvmBrand(brand) ? [{ id: 'disks' as const, label: 'Disks' }] : []),
    { id: 'metadata', label: 'Metadata & tags' },
    { id: 'snapshots', label: 'Snapshots' },
    { id: 'json', label: 'JSON' },
    { id: 'activity', label: 'Activity' },
  ];
}

const consoleNames = { vnc: 'VNC', serial: 'Serial', shell: 'Shell' } as const;

const powerLooks: Record<PowerAction, { label: string; icon: LucideIcon; danger?: boolean }> = {
  start: { label: 'Start', icon: Play },
  stop: { label: 'Stop', icon: Square },
  reboot: { label: 'Reboot', icon: RotateCw },
  forceStop: { label: 'Force stop', icon: OctagonX, danger: true },
};

/** The selected tab lives in `?tab=`, so a reload or a shared link opens the same one. */
function useTabParam(tabs: readonly TabDef<TabId>[]): [TabId, (tab: TabId) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const wanted = searchParams.get('tab');
  const selected = tabs.find((t) => t.id === wanted)?.id ?? 'summary';
  function select(tab: TabId) {
    const params = new URLSearchParams(searchParams.toString());
    if (tab === 'summary') params.delete('tab');
    else params.set('tab', tab);
    const search = params.toString();
    // Next keeps useSearchParams in step with the History API, without a navigation.
    window.history.replaceState(null, '', search ? `${pathname}?${search}` : pathname);
  }
  return [selected, select];
}

function DetailSkeleton() {
  return (
    <LoadingRegion label="Loading the VM">
      <Skeleton className="h-7 w-64" />
      <Skeleton className="mt-2 h-4 w-96" />
      <Skeleton className="mt-6 h-9 w-full" />
      <Skeleton className="mt-4 h-56 w-full" />
    </LoadingRegion>
  );
}

function BackLink() {
  return (
    <Link
      href="/"
      className="inline-flex items-center gap-0.5 text-sm text-ink-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
    >
      <ChevronLeft aria-hidden="true" className="size-4" />
      VMs
    </Link>
  );
}

/** One VM: header with live state and actions, then its tabs. */
export function VmDetailView({ hostId, uuid }: { hostId: string; uuid: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const me = useQuery(trpc.auth.me.queryOptions());
  const list = useQuery(trpc.vm.list.queryOptions({ hostId }));
  const detailKey = trpc.vm.get.queryKey({ hostId, uuid });
  const detail = useQuery(trpc.vm.get.queryOptions({ hostId, uuid }));
  const jobs = useQuery(trpc.job.list.queryOptions(vmJobsInput(uuid)));
  const power = useVmPowerActions(hostId);
  const [dialog, setDialog] = useState<'edit' | 'delete' | 'forceStop' | null>(null);
  const [deleteJobId, setDeleteJobId] = useState<string | null>(null);
  // Mounted from the first open on, so it stays mounted to close (and hand focus back) normally.
  const [editUsed, setEditUsed] = useState(false);
  const openEdit = () => {
    setEditUsed(true);
    setDialog('edit');
  };

  // The state badge reads the list the watcher keeps current; a change to this VM reads it again.
  const live = useLiveVms(hostId, (event: VmEvent) => {
    if (event.type === 'changed' && event.vm.uuid === uuid)
      void queryClient.invalidateQueries({ queryKey: detailKey });
  });

  // A job on this VM that ends (snapshot, rollback, update…) changed what `vmadm get` says.
  const seenJobs = useRef<readonly Job[] | undefined>(undefined);
  useEffect(() => {
    if (!jobs.data) return;
    const ended = jobsThatEnded(seenJobs.current, jobs.data);
    seenJobs.current = jobs.data;
    if (ended.some((j) => j.id !== deleteJobId)) void queryClient.invalidateQueries({ queryKey: detailKey });
    const deleted = ended.find((j) => j.id === deleteJobId);
    if (deleted?.state === 'succeeded') router.push('/');
    else if (deleted) setDeleteJobId(null);
  }, [jobs.data, deleteJobId, queryClient, detailKey, router]);

  const summary: VmSummary | undefined = list.data?.find((vm) => vm.uuid === uuid);
  const vm: VmDetail | undefined = detail.data;
  const tabs = tabsFor(vm?.brand ?? summary?.brand ?? 'joyent');
  const [tab, selectTab] = useTabParam(tabs);

  if (detail.isPending) return <DetailSkeleton />;
  if (detail.isError || !vm) {
    return (
      <div className="space-y-4">
        <BackLink />
        {errorCode(detail.error) === 'NOT_FOUND' ? (
          <div className="rounded-lg border border-dashed border-line-strong bg-surface p-10 text-center">
            <p className="font-medium">No VM {uuid} on this host</p>
            <p className="mt-1 text-ink-muted">It may have been deleted.</p>
          </div>
        ) : (
          <QueryErrorPanel title="Could not read the VM" query={detail} />
        )}
      </div>
    );
  }

  const name = vm.alias ?? uuid;
  const role = me.data?.role;
  const admin = role ? canAdminister(role) : false;
  const operate = role ? canOperate(role) : false;
  const gone = list.data !== undefined && !summary;
  const state = summary?.state;
  const busy = power.isBusy(uuid) || deleteJobId !== null;
  const actions = summary && operate && !gone ? powerActionsFor(summary.state) : [];

  const editButton = admin ? (
    <Button size="sm" onClick={openEdit} disabled={busy || gone}>
      <Pencil aria-hidden="true" className="size-3.5" />
      Edit
    </Button>
  ) : null;

  return (
    <div className="space-y-4">
      <BackLink />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-xl font-semibold tracking-tight break-all">
              {vm.alias ?? <span className="text-ink-faint italic">no alias</span>}
            </h1>
            {state ? <VmStateBadge state={state} /> : null}
            <span className="rounded border border-line px-1.5 py-px text-xs font-semibold">
              {summary ? brandFamily(summary.brand) : vm.brand}
            </span>
            <LiveIndicator status={live} />
          </div>
          <p className="mt-1 font-mono text-xs text-ink-muted">{uuid}</p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5" aria-label="VM actions" role="group">
          {actions.map((action) => {
            const look = powerLooks[action];
            const Icon = look.icon;
            return (
              <Button
                key={action}
                variant={look.danger ? 'danger' : 'secondary'}
                aria-label={`${look.label} ${name}`}
                disabled={busy}
                onClick={() => {
                  if (!summary) return;
                  if (action === 'forceStop') setDialog('forceStop');
                  else power.run(action, summary);
                }}
              >
                <Icon aria-hidden="true" className="size-4" />
                {look.label}
              </Button>
            );
          })}
          {power.allowed && state === 'running'
            ? kindsOf(vm.brand).map((kind) => (
                <Link
                  key={kind}
                  href={consoleHref(uuid, kind, hostId)}
                  aria-label={`Open the ${consoleNames[kind]} console of ${name}`}
                  className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line-strong bg-surface px-3 text-sm font-medium hover:bg-sunken focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
                >
                  <SquareTerminal aria-hidden="true" className="size-4" />
                  {consoleNames[kind]}
                </Link>
              ))
            : null}
          {admin ? (
            <>
              <Button onClick={openEdit} disabled={busy || gone}>
                <Pencil aria-hidden="true" className="size-4" />
                Edit
              </Button>
              <Button variant="danger" onClick={() => setDialog('delete')} disabled={busy || gone}>
                <Trash2 aria-hidden="true" className="size-4" />
                Delete
              </Button>
            </>
          ) : null}
        </div>
      </header>

      {deleteJobId ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          Deleting {name}… the VM list opens when the host is done.
        </p>
      ) : gone ? (
        <p role="status" className="rounded-md bg-sunken px-3 py-2 text-ink-muted">
          This VM is no longer on the host.
        </p>
      ) : null}

      <VmTabs label={`${name} details`} tabs={tabs} selected={tab} onSelect={selectTab}>
        {tab === 'summary' ? <VmSummarySection hostId={hostId} vm={vm} /> : null}
        {tab === 'network' ? <VmNetworkSection vm={vm} /> : null}
        {tab === 'disks' ? <VmDisksSection vm={vm} /> : null}
        {tab === 'metadata' ? <VmMetadataSection vm={vm} editButton={editButton} /> : null}
        {tab === 'snapshots' ? (
          <VmSnapshots hostId={hostId} vm={vm} name={name} admin={admin && !gone} busy={busy} />
        ) : null}
        {tab === 'json' ? <VmJsonSection vm={vm} /> : null}
        {tab === 'activity' ? <VmActivity uuid={uuid} name={vm.alias ?? null} /> : null}
      </VmTabs>

      {editUsed ? (
        <VmEditDialog
          open={dialog === 'edit'}
          onClose={() => setDialog(null)}
          hostId={hostId}
          vm={vm}
          name={name}
        />
      ) : null}
      <VmDeleteDialog
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        hostId={hostId}
        vm={vm}
        name={name}
        onStarted={(job) => setDeleteJobId(job.id)}
      />
      <ConfirmDialog
        open={dialog === 'forceStop'}
        title={`Force stop ${name}?`}
        confirmLabel="Force stop"
        onConfirm={() => {
          if (summary) power.run('forceStop', summary);
          setDialog(null);
        }}
        onCancel={() => setDialog(null)}
      >
        The guest is not asked to shut down.
      </ConfirmDialog>
    </div>
  );
}
