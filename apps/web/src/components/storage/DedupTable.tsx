import { ddtDiskBytes, ddtRamBytes, formatBytes, type DedupTable as Ddt } from '../../lib/storage';

const th = 'px-3 py-2 text-right text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-1.5 text-right tabular-nums';

function blocks(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}K`;
  return String(Math.round(n));
}

/**
 * `zpool status -D`: the DDT histogram with a bar per bucket, and what the table costs in RAM
 * against what dedup saves, so an admin can judge whether dedup pays on this host.
 */
export function DedupTable({
  pool,
  ddt,
  dedupSavedBytes,
  hostMemoryBytes,
  arcMaxBytes,
}: {
  pool: string;
  ddt: Ddt;
  dedupSavedBytes: number;
  hostMemoryBytes: number | null;
  arcMaxBytes: number | null;
}) {
  const ram = ddtRamBytes(ddt);
  const maxRef = Math.max(1, ...ddt.histogram.map((r) => r.referenced.dsizeBytes));
  const ramShare = hostMemoryBytes ? ram / hostMemoryBytes : null;
  const arcShare = arcMaxBytes ? ram / arcMaxBytes : null;
  const perGiB = ram > 0 ? dedupSavedBytes / ram : null;
  return (
    <div className="space-y-4">
      <dl aria-label={`Dedup table of ${pool}`} className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-ink-muted">DDT entries</dt>
          <dd className="text-base font-semibold tabular-nums">{ddt.entries.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt className="text-xs text-ink-muted">RAM for the table</dt>
          <dd className="text-base font-semibold tabular-nums">{formatBytes(ram)}</dd>
          <dd className="text-xs text-ink-muted">
            {ddt.entries.toLocaleString('en-US')} × {ddt.sizeInCore} B in core
          </dd>
        </div>
        <div>
          <dt className="text-xs text-ink-muted">On disk</dt>
          <dd className="text-base font-semibold tabular-nums">{formatBytes(ddtDiskBytes(ddt))}</dd>
          <dd className="text-xs text-ink-muted">{ddt.sizeOnDisk} B per entry</dd>
        </div>
        <div>
          <dt className="text-xs text-ink-muted">Disk saved per byte of RAM</dt>
          <dd className="text-base font-semibold tabular-nums">
            {perGiB === null ? '—' : `${perGiB.toFixed(1)} ×`}
          </dd>
        </div>
      </dl>
      <p className="text-ink-muted">
        Dedup saves <span className="font-semibold text-ink">{formatBytes(dedupSavedBytes)}</span> of disk and
        wants <span className="font-semibold text-ink">{formatBytes(ram)}</span> of RAM to keep its table in
        memory
        {ramShare !== null ? <> ({(ramShare * 100).toFixed(1)} % of the host’s memory</> : null}
        {arcShare !== null ? <>, {(arcShare * 100).toFixed(1)} % of the ARC’s maximum</> : null}
        {ramShare !== null ? ')' : null}. A table that does not fit in the ARC makes every write read the
        disk.
      </p>
      <div className="overflow-x-auto rounded-md border border-line">
        <table aria-label={`DDT histogram of ${pool}`} className="w-full border-collapse text-sm">
          <thead className="border-b border-line bg-sunken">
            <tr>
              <th scope="col" className={`${th} text-left`}>
                Refcnt
              </th>
              <th scope="col" className={th}>
                Allocated blocks
              </th>
              <th scope="col" className={th}>
                Allocated DSIZE
              </th>
              <th scope="col" className={th}>
                Referenced blocks
              </th>
              <th scope="col" className={th}>
                Referenced DSIZE
              </th>
              <th scope="col" className={`${th} w-1/4 text-left`}>
                <span className="sr-only">Chart: </span>allocated vs referenced
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {ddt.histogram.map((row) => (
              <tr key={row.refcnt}>
                <td className={`${td} text-left font-mono`}>{row.refcnt}</td>
                <td className={td}>{blocks(row.allocated.blocks)}</td>
                <td className={td}>{formatBytes(row.allocated.dsizeBytes)}</td>
                <td className={td}>{blocks(row.referenced.blocks)}</td>
                <td className={td}>{formatBytes(row.referenced.dsizeBytes)}</td>
                <td className="px-3 py-1.5" aria-hidden="true">
                  <div className="relative h-3 w-full rounded-sm bg-sunken">
                    <div
                      className="absolute inset-y-0 left-0 rounded-sm bg-emerald-500/40"
                      style={{ width: `${(row.referenced.dsizeBytes / maxRef) * 100}%` }}
                    />
                    <div
                      className="absolute inset-y-0 left-0 rounded-sm bg-accent"
                      style={{ width: `${(row.allocated.dsizeBytes / maxRef) * 100}%` }}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
          {ddt.total ? (
            <tfoot className="border-t border-line-strong font-semibold">
              <tr>
                <th scope="row" className={`${td} text-left`}>
                  Total
                </th>
                <td className={td}>{blocks(ddt.total.allocated.blocks)}</td>
                <td className={td}>{formatBytes(ddt.total.allocated.dsizeBytes)}</td>
                <td className={td}>{blocks(ddt.total.referenced.blocks)}</td>
                <td className={td}>{formatBytes(ddt.total.referenced.dsizeBytes)}</td>
                <td className="px-3 py-1.5 text-xs font-normal text-ink-muted">
                  <span className="mr-2 inline-flex items-center gap-1">
                    <span aria-hidden="true" className="size-2 rounded-sm bg-accent" /> allocated
                  </span>
                  <span className="inline-flex items-center gap-1">
                    <span aria-hidden="true" className="size-2 rounded-sm bg-emerald-500/40" /> referenced
                  </span>
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </div>
  );
}
