import type { ReactNode } from 'react';

import type { PoolListEntry } from '@zonedeck/api/schemas';

import { capacityTone, formatBytes, formatRatio } from '../../lib/storage';
import { Meter } from '../common/Meter';

function Stat({ term, children, hint }: { term: string; children: ReactNode; hint?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-muted">{term}</dt>
      <dd className="mt-0.5 text-base font-semibold tabular-nums" title={hint}>
        {children}
      </dd>
    </div>
  );
}

/** One pool's `zpool list` line: size, use, fragmentation, the capacity bar and both ratios. */
export function PoolOverview({ pool, compressRatio }: { pool: PoolListEntry; compressRatio: number | null }) {
  const cap = pool.capacityPercent ?? null;
  const tone = capacityTone(cap);
  return (
    <div className="space-y-4">
      <div>
        <div className="mb-1 flex items-baseline justify-between text-xs text-ink-muted">
          <span>
            Capacity{' '}
            <span className="font-semibold text-ink tabular-nums">{cap === null ? '—' : `${cap} %`}</span>
            {tone === 'bad' ? ' · nearly full: ZFS slows down badly' : tone === 'warn' ? ' · above 80 %' : ''}
          </span>
          <span className="tabular-nums">
            {formatBytes(pool.allocatedBytes)} of {formatBytes(pool.sizeBytes)}
          </span>
        </div>
        <Meter
          value={cap === null ? 0 : cap / 100}
          label={`Capacity of ${pool.name}`}
          tone={tone === 'ok' ? 'accent' : tone}
        />
      </div>
      <dl
        aria-label={`Pool ${pool.name} figures`}
        className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4 lg:grid-cols-7"
      >
        <Stat term="Size">{formatBytes(pool.sizeBytes)}</Stat>
        <Stat term="Allocated">{formatBytes(pool.allocatedBytes)}</Stat>
        <Stat term="Free">{formatBytes(pool.freeBytes)}</Stat>
        <Stat term="Fragmentation">
          {pool.fragmentationPercent === null || pool.fragmentationPercent === undefined
            ? '—'
            : `${pool.fragmentationPercent} %`}
        </Stat>
        <Stat term="Capacity">{cap === null ? '—' : `${cap} %`}</Stat>
        <Stat term="Dedup ratio" hint="zpool list: DEDUP">
          {formatRatio(pool.dedupRatio)}
        </Stat>
        <Stat term="Compression ratio" hint={`zfs get compressratio ${pool.name}`}>
          {formatRatio(compressRatio)}
        </Stat>
      </dl>
    </div>
  );
}
