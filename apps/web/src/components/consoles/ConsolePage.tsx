'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { ExternalLink, Monitor, SquareTerminal, TerminalSquare } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';

import type { ConsoleKind } from '@zonedeck/api/schemas/consoleProtocol';

import { consoleHref, kindsOf } from '../../lib/consoleLinks';
import { useTRPC } from '../../trpc/provider';
import { ErrorPanel } from '../common/ErrorPanel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { TerminalConsole } from './TerminalConsole';
import { useConsoleTicket } from './useConsoleTicket';
import { VncConsole } from './VncConsole';

export interface ConsoleControls {
  openTicket: () => Promise<string>;
  controls: { onStart: (() => void) | null; starting: boolean };
}

/** The wall clock, read in event handlers only. */
const clockNow = () => Date.now();

const KIND_LABEL: Record<ConsoleKind, string> = { vnc: 'VNC', serial: 'Serial', shell: 'Shell' };
const KIND_ICON = { vnc: Monitor, serial: TerminalSquare, shell: SquareTerminal } as const;

function ConsoleView({
  hostId,
  uuid,
  kind,
  onStart,
  starting,
}: {
  hostId: string;
  uuid: string;
  kind: ConsoleKind;
  onStart: (() => void) | null;
  starting: boolean;
}) {
  const openTicket = useConsoleTicket(hostId, uuid, kind);
  const controls = { onStart, starting };
  return kind === 'vnc' ? (
    <VncConsole openTicket={openTicket} controls={controls} />
  ) : (
    <TerminalConsole kind={kind} openTicket={openTicket} controls={controls} />
  );
}

/** One VM's console, with a header naming the VM and the consoles it has. */
export function ConsolePage({
  uuid,
  kind,
  hostId,
}: {
  uuid: string;
  kind: ConsoleKind | null;
  hostId: string | null;
}) {
  const trpc = useTRPC();
  const hosts = useQuery({ ...trpc.host.list.queryOptions(), enabled: hostId === null });
  const host = hostId ?? hosts.data?.[0]?.id ?? null;
  /** When Start was asked for here; the console reopens once a later read says the VM runs. */
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const vm = useQuery({
    ...trpc.vm.get.queryOptions({ hostId: host ?? '', uuid }),
    enabled: host !== null,
    refetchInterval: startedAt !== null ? 1_000 : 10_000,
  });
  const start = useMutation(trpc.vm.start.mutationOptions({ onSuccess: () => setStartedAt(clockNow()) }));

  // Started from here: once the VM runs, open the console again with a fresh ticket (state
  // adjusted while rendering, as React's "storing information from previous renders").
  const running = vm.data?.state === 'running' && startedAt !== null && vm.dataUpdatedAt > startedAt;
  if (running) {
    setStartedAt(null);
    setGeneration((g) => g + 1);
  }

  if (hosts.isError) {
    return (
      <ErrorPanel title="Could not list the hosts" error={hosts.error} onRetry={() => void hosts.refetch()} />
    );
  }
  if (vm.isError) {
    return <ErrorPanel title="Could not read the VM" error={vm.error} onRetry={() => void vm.refetch()} />;
  }
  if (!host || vm.isPending) {
    return (
      <LoadingRegion label="Loading the console">
        <Skeleton className="h-6 w-56" />
        <Skeleton className="mt-4 h-96 w-full" />
      </LoadingRegion>
    );
  }

  const data = vm.data;
  const kinds = kindsOf(data.brand);
  const active = kind && kinds.includes(kind) ? kind : (kinds[0] ?? 'shell');
  const name = typeof data.alias === 'string' && data.alias ? data.alias : uuid;
  const title = `${name} — ${KIND_LABEL[active]} console`;

  return (
    <div className="flex min-h-[calc(100dvh-8rem)] flex-col gap-3">
      <title>{title}</title>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h1 className="truncate text-lg font-semibold tracking-tight">{name}</h1>
          <p className="text-xs text-ink-muted">
            <span className="font-mono">{uuid}</span> · {data.brand} · {data.state}
          </p>
        </div>
        <nav aria-label="Consoles" className="flex gap-1">
          {kinds.map((k) => {
            const Icon = KIND_ICON[k];
            return (
              <Link
                key={k}
                href={consoleHref(uuid, k, hostId ?? undefined)}
                aria-current={k === active ? 'page' : undefined}
                className="inline-flex h-8 items-center gap-1.5 rounded-md border border-line-strong px-3 text-sm text-ink-muted hover:bg-sunken aria-[current=page]:border-accent aria-[current=page]:text-ink"
              >
                <Icon aria-hidden="true" className="size-4" />
                {KIND_LABEL[k]}
              </Link>
            );
          })}
        </nav>
        <a
          href={consoleHref(uuid, active, hostId ?? undefined)}
          target="_blank"
          rel="noopener"
          className="ml-auto inline-flex items-center gap-1 text-sm text-ink-muted hover:text-ink"
        >
          <ExternalLink aria-hidden="true" className="size-4" />
          Open in a new window
        </a>
      </div>
      <ConsoleView
        key={`${active}-${generation}`}
        hostId={host}
        uuid={uuid}
        kind={active}
        onStart={() => start.mutate({ hostId: host, uuid })}
        starting={start.isPending || startedAt !== null}
      />
    </div>
  );
}
