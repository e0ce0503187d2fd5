'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import {
  arcSample,
  formatBytes,
  formatPercent,
  hitRatios,
  keepLast,
  lifetimeHitRatio,
  type ArcSample,
} from '../../lib/storage';
import { useTRPC } from '../../trpc/provider';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Meter } from '../common/Meter';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { Sparkline } from './Sparkline';

export const ARC_POLL_MS = 5_000;
/** Samples kept for the sparkline: five minutes at one per 5 s. */
const MAX_SAMPLES = 61;

function Stat({ term, value, sub }: { term: string; value: string; sub?: string }) {
  return (
    <div>
      <dt className="text-xs text-ink-muted">{term}</dt>
      <dd className="text-base font-semibold tabular-nums">{value}</dd>
      {sub ? <dd className="text-xs text-ink-muted">{sub}</dd> : null}
    </div>
  );
}

/**
 * The ARC (and L2ARC) from `kstat zfs:0:arcstats`, read every 5 s while the page is open; the hit
 * ratio between samples is drawn as a sparkline kept in this component (not stored anywhere).
 */
export function ArcPanel({ hostId, enabled = true }: { hostId: string; enabled?: boolean }) {
  const trpc = useTRPC();
  const arc = useQuery({
    ...trpc.storage.arc.queryOptions({ hostId }),
    refetchInterval: ARC_POLL_MS,
    staleTime: 0,
    enabled,
  });
  const [samples, setSamples] = useState<readonly ArcSample[]>([]);

  // A new answer adds a sample, adjusted during render (no effect): one per fetch, not per render.
  const [seenAt, setSeenAt] = useState(0);
  if (arc.data && arc.dataUpdatedAt !== seenAt) {
    setSeenAt(arc.dataUpdatedAt);
    const sample = arcSample(arc.data, arc.dataUpdatedAt);
    if (sample) setSamples((list) => keepLast(list, sample, MAX_SAMPLES));
  }

  const ratios = hitRatios(samples);
  const current = ratios.at(-1) ?? null;
  const s = arc.data;

  return (
    <Panel label="ARC" title="ARC and L2ARC">
      {arc.isPending ? (
        <LoadingRegion label="Loading ARC statistics">
          <Skeleton className="h-24 w-full" />
        </LoadingRegion>
      ) : arc.isError && !s ? (
        <QueryErrorPanel title="Could not read the ARC statistics" query={arc} />
      ) : s ? (
        <div className="grid gap-5 md:grid-cols-[1fr_auto]">
          <div className="space-y-4">
            <div>
              <div className="mb-1 flex justify-between text-xs text-ink-muted">
                <span>Size against target</span>
                <span className="tabular-nums">
                  {formatBytes(s.size)} / {formatBytes(s.c)}
                </span>
              </div>
              <Meter
                value={s.size !== undefined && s.c ? s.size / s.c : null}
                label="ARC size against its target"
              />
            </div>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4">
              <Stat term="ARC size" value={formatBytes(s.size)} />
              <Stat
                term="Target"
                value={formatBytes(s.c)}
                sub={`min ${formatBytes(s.cMin)} · max ${formatBytes(s.cMax)}`}
              />
              <Stat
                term="Hit ratio since boot"
                value={formatPercent(lifetimeHitRatio(s.hits, s.misses))}
                sub={
                  s.mfuSize !== undefined
                    ? `MFU ${formatBytes(s.mfuSize)} · MRU ${formatBytes(s.mruSize)}`
                    : undefined
                }
              />
              <Stat
                term="L2ARC"
                value={s.l2Size ? formatBytes(s.l2Size) : 'none'}
                sub={
                  s.l2Size ? `hit ratio ${formatPercent(lifetimeHitRatio(s.l2Hits, s.l2Misses))}` : undefined
                }
              />
            </dl>
          </div>
          <figure className="min-w-60">
            <figcaption className="mb-1 flex justify-between gap-3 text-xs text-ink-muted">
              <span>Hit ratio, every {ARC_POLL_MS / 1000} s</span>
              <span className="font-semibold text-ink tabular-nums" aria-live="polite">
                {formatPercent(current)}
              </span>
            </figcaption>
            <Sparkline
              values={ratios}
              label={
                ratios.length === 0
                  ? 'Hit ratio: waiting for a second sample'
                  : `Hit ratio over the last ${ratios.length} intervals, now ${formatPercent(current)}`
              }
            />
            <p className="mt-1 text-xs text-ink-faint">
              {ratios.length === 0
                ? 'Waiting for a second sample…'
                : `${samples.length} samples while this page is open`}
            </p>
          </figure>
        </div>
      ) : null}
    </Panel>
  );
}
