'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { usePathname, useSearchParams } from 'next/navigation';
import { useState } from 'react';

import type { AuditFilter as AuditFilterValue, VmSummary } from '@zonedeck/api/schemas';

import { useNow } from '../../hooks/useNow';
import { auditFilterFromParams, auditFilterToParams } from '../../lib/auditFilter';
import { filterAudit } from '../../lib/auditText';
import { useTRPC } from '../../trpc/provider';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { PageFilter } from '../common/PageFilter';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { AuditExportButtons } from './AuditExportButtons';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';

export const AUDIT_LIST_INPUT = { limit: 500 };

export function AuditTableSkeleton() {
  return (
    <LoadingRegion label="Loading the audit log">
      <div className="space-y-3">
        {[0, 1, 2, 3, 4].map((row) => (
          <div key={row} className="flex items-center gap-4">
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-56" />
            <Skeleton className="h-4 w-14" />
            <Skeleton className="h-4 flex-1" />
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}

/** Names of the VMs whose lists this tab has loaded, so the log can say "samba" beside a uuid. */
function useKnownVmNames(): ReadonlyMap<string, string> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const names = new Map<string, string>();
  for (const [, vms] of queryClient.getQueriesData<VmSummary[]>({ queryKey: trpc.vm.list.queryKey() })) {
    for (const vm of vms ?? []) if (vm.alias) names.set(vm.uuid, vm.alias);
  }
  return names;
}

/**
 * The audit log, newest first: filtered by the server (user, action, target, result, time range)
 * and then by a text filter, both kept in the URL so they survive a reload and can be shared.
 */
export function AuditList() {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const [filter, setFilter] = useState<AuditFilterValue>(() => auditFilterFromParams(searchParams));
  const audit = useQuery(trpc.audit.list.queryOptions({ ...AUDIT_LIST_INPUT, ...filter }));
  const [query, setQuery] = useState(() => searchParams.get('q') ?? '');
  const names = useKnownVmNames();
  const now = useNow(15_000);

  const shown = filterAudit(audit.data ?? [], query, names);

  function applyFilter(next: AuditFilterValue) {
    setFilter(next);
    const search = auditFilterToParams(next, new URLSearchParams(window.location.search)).toString();
    window.history.replaceState(null, '', search ? `${pathname}?${search}` : pathname);
  }

  function changeQuery(value: string) {
    setQuery(value);
    const params = new URLSearchParams(window.location.search);
    if (value) params.set('q', value);
    else params.delete('q');
    const search = params.toString();
    // Next keeps useSearchParams in step with the History API, without a navigation.
    window.history.replaceState(null, '', search ? `${pathname}?${search}` : pathname);
  }

  const count = audit.data
    ? query.trim()
      ? `${shown.length} of ${audit.data.length}`
      : `${audit.data.length} ${audit.data.length === AUDIT_LIST_INPUT.limit ? 'newest' : 'total'}`
    : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold tracking-tight">Audit log</h1>
        <AuditExportButtons filter={filter} />
      </div>
      <AuditFilterForm filter={filter} onApply={applyFilter} />
      <Panel
        label="Audit entries"
        title={<>Entries {count ? <span className="font-normal text-ink-muted">{count}</span> : null}</>}
        actions={
          <PageFilter
            label="Filter the audit log"
            placeholder="Filter: user, action, VM, result…"
            width="w-64"
            value={query}
            onChange={changeQuery}
          />
        }
      >
        {audit.isPending ? (
          <AuditTableSkeleton />
        ) : audit.isError ? (
          <QueryErrorPanel title="Could not read the audit log" query={audit} />
        ) : audit.data.length === 0 ? (
          <p className="py-8 text-center text-ink-muted">
            Nothing audited yet: every change made here is recorded.
          </p>
        ) : shown.length === 0 ? (
          <p role="status" className="py-8 text-center text-ink-muted">
            No entries match “{query.trim()}”.
          </p>
        ) : (
          <div className="-mx-4 -my-4">
            <AuditTable entries={shown} names={names} now={now} />
          </div>
        )}
      </Panel>
    </div>
  );
}
