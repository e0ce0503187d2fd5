'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { usePathname, useSearchParams } from 'next/navigation';
import { useState } from 'react';

import type { HostEntry, Job, SmfService } from '@zonedeck/api/schemas';

import { useJobsSettled } from '../../hooks/useJobsSettled';
import { useIsAdmin } from '../../hooks/useRole';
import { isFinished } from '../../lib/jobCache';
import {
  filterServices,
  serviceActionsFor,
  serviceTone,
  shortFmri,
  sortServices,
  type ServiceAction,
  type ServiceSortKey,
} from '../../lib/services';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { PageFilter } from '../common/PageFilter';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { SortHeader, type SortState } from '../common/SortHeader';
import { ToneBadge } from '../common/ToneBadge';
import { HostGate, PageTitle } from '../hosts/HostGate';
import { useJobActivity } from '../jobs/JobEventsProvider';
import { toastActionRefused, toastJobStarted } from '../jobs/JobToasts';
import { ServiceExplanations } from './ServiceExplanations';

/** While a change is under way, `svcs` is read this often until the state settles. */
const SETTLING_POLL_MS = 1_000;

const td = 'px-3 py-1.5 align-middle';

const actionLabels: Record<ServiceAction, string> = {
  enable: 'Enable',
  disable: 'Disable',
  restart: 'Restart',
  clear: 'Clear',
};

export function ServicesSkeleton() {
  return (
    <LoadingRegion label="Loading the services">
      <Skeleton className="h-6 w-40" />
      <Skeleton className="mt-4 h-96 w-full" />
    </LoadingRegion>
  );
}

function HostServices({ host }: { host: HostEntry }) {
  const trpc = useTRPC();
  const hostId = host.id;
  const queryClient = useQueryClient();
  const jobs = useJobActivity();
  const isAdmin = useIsAdmin();
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [query, setQuery] = useState(() => searchParams.get('q') ?? '');
  const [sort, setSort] = useState<SortState<ServiceSortKey>>({ key: 'state', direction: 'asc' });
  const [confirming, setConfirming] = useState<{ fmri: string; action: ServiceAction } | null>(null);
  const [sending, setSending] = useState<ReadonlySet<string>>(() => new Set());

  const services = useQuery({
    ...trpc.service.list.queryOptions({ hostId }),
    refetchInterval: (q) => {
      const list = q.state.data ?? [];
      const settling = list.some((s) => s.transitioning || jobs.isBusy(hostId, s.fmri));
      return settling || sending.size > 0 ? SETTLING_POLL_MS : false;
    },
  });
  const explain = useQuery(trpc.service.explain.queryOptions({ hostId }));
  const fmris = (services.data ?? []).map((s) => s.fmri);

  function refresh() {
    void queryClient.invalidateQueries({ queryKey: trpc.service.list.queryKey({ hostId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.service.explain.queryKey({ hostId }) });
  }
  useJobsSettled(hostId, fmris, refresh);

  const change = useMutation(
    trpc.service.change.mutationOptions({
      onMutate: (input) => setSending((s) => new Set(s).add(input.fmri)),
      onSuccess: (job: Job) => {
        const latest = jobs.track(job);
        if (!isFinished(latest)) toastJobStarted(latest);
        refresh();
      },
      onError: (error, input) =>
        toastActionRefused(`Could not ${input.action} ${shortFmri(input.fmri)}`, error.message || null),
      onSettled: (_data, _error, input) =>
        setSending((s) => {
          const next = new Set(s);
          next.delete(input.fmri);
          return next;
        }),
    }),
  );

  function run(fmri: string, action: ServiceAction) {
    if (action === 'disable' || action === 'restart') setConfirming({ fmri, action });
    else change.mutate({ hostId, fmri, action });
  }

  function changeQuery(value: string) {
    setQuery(value);
    const params = new URLSearchParams(searchParams.toString());
    if (value) params.set('q', value);
    else params.delete('q');
    const search = params.toString();
    window.history.replaceState(null, '', search ? `${pathname}?${search}` : pathname);
  }

  const all = services.data ?? [];
  const shown = sortServices(filterServices(all, query), sort.key, sort.direction);
  const reasons = new Map((explain.data ?? []).map((e) => [e.fmri, e.reason]));
  const counts = all.reduce<Record<string, number>>((acc, s) => {
    const k = s.state ?? 'unknown';
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

  const header = (label: string, column: ServiceSortKey) => (
    <SortHeader label={label} column={column} sort={sort} onSort={setSort} />
  );

  return (
    <div className="space-y-4">
      <PageTitle title="Services" host={host}>
        {services.data ? (
          <span className="text-xs text-ink-muted">
            {Object.entries(counts)
              .map(([state, n]) => `${n} ${state}`)
              .join(' · ')}
          </span>
        ) : null}
      </PageTitle>
      {explain.data && explain.data.length > 0 ? (
        <Panel label="Services needing attention" title="Needs attention (svcs -x)">
          <ServiceExplanations explanations={explain.data} />
        </Panel>
      ) : null}
      <Panel
        label="SMF services"
        title={
          <>
            SMF services{' '}
            {services.data ? (
              <span className="font-normal text-ink-muted">
                {query.trim() ? `${shown.length} of ${all.length}` : all.length}
              </span>
            ) : null}
          </>
        }
        actions={
          <PageFilter
            label="Filter the services"
            placeholder="Filter: ssh, network, state:maintenance…"
            width="w-72"
            value={query}
            onChange={changeQuery}
          />
        }
      >
        {services.isPending ? (
          <ServicesSkeleton />
        ) : services.isError && !services.data ? (
          <QueryErrorPanel title="Could not list the services" query={services} />
        ) : shown.length === 0 ? (
          <p role="status" className="py-8 text-center text-ink-muted">
            No services match “{query.trim()}”.
          </p>
        ) : (
          <div className="-mx-4 -my-4 overflow-x-auto">
            <table aria-label="Services" className="w-full border-collapse text-sm">
              <thead className="border-b border-line bg-sunken">
                <tr>
                  {header('State', 'state')}
                  {header('Since', 'stime')}
                  {header('FMRI', 'fmri')}
                  {isAdmin ? (
                    <th
                      scope="col"
                      className="px-3 py-2 text-right text-xs font-medium tracking-wide text-ink-muted uppercase"
                    >
                      Actions
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {shown.map((s: SmfService) => {
                  const busy = jobs.isBusy(hostId, s.fmri) || sending.has(s.fmri) || s.transitioning === true;
                  const reason = reasons.get(s.fmri);
                  return (
                    <tr key={s.fmri} aria-busy={busy || undefined} className="hover:bg-sunken/70">
                      <td className={`${td} whitespace-nowrap`}>
                        <ToneBadge tone={serviceTone(s.state)}>
                          {s.state ?? 'unknown'}
                          {s.transitioning ? '*' : ''}
                        </ToneBadge>
                      </td>
                      <td className={`${td} font-mono text-xs whitespace-nowrap text-ink-muted`}>
                        {s.stime ?? '—'}
                      </td>
                      <th scope="row" className={`${td} text-left font-normal`}>
                        <span className="font-mono text-[13px] break-all">{s.fmri}</span>
                        {s.description ? (
                          <span className="ml-2 text-xs text-ink-muted">{s.description}</span>
                        ) : null}
                        {reason ? (
                          <span className="block text-xs text-red-700 dark:text-red-400">{reason}</span>
                        ) : null}
                      </th>
                      {isAdmin ? (
                        <td className={`${td} text-right`}>
                          <span className="inline-flex gap-1">
                            {serviceActionsFor(s.state).map((action) => (
                              <Button
                                key={action}
                                size="sm"
                                variant={action === 'disable' ? 'danger' : 'secondary'}
                                disabled={busy}
                                aria-label={`${actionLabels[action]} ${s.fmri}`}
                                onClick={() => run(s.fmri, action)}
                              >
                                {actionLabels[action]}
                              </Button>
                            ))}
                          </span>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? `${actionLabels[confirming.action]} ${shortFmri(confirming.fmri)}?` : ''}
        confirmLabel={confirming ? actionLabels[confirming.action] : ''}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) change.mutate({ hostId, ...confirming });
          setConfirming(null);
        }}
      >
        {confirming?.action === 'disable'
          ? 'The service stops and stays off across reboots, and so do the services that need it.'
          : 'The service is stopped and started again; its clients lose their connections.'}
      </ConfirmDialog>
    </div>
  );
}

/** /services: SMF services with their state, a filter kept in the URL (?q=), `svcs -x`, and admin actions. */
export function ServicesPage() {
  return <HostGate>{(host) => <HostServices host={host} />}</HostGate>;
}
