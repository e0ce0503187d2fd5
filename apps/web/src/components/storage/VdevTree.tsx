import type { StateTone } from '../../lib/format';
import type { PoolVdev } from '../../lib/storage';
import { ToneBadge } from '../common/ToneBadge';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-1.5 align-middle';

export function deviceTone(state: string | null): StateTone {
  switch (state ?? '') {
    case 'ONLINE':
    case 'AVAIL':
      return 'ok';
    case 'DEGRADED':
    case 'INUSE':
    case 'OFFLINE':
    case 'REMOVED':
      return 'busy';
    case 'FAULTED':
    case 'UNAVAIL':
      return 'bad';
    default:
      return 'idle';
  }
}

function kindOf(vdev: PoolVdev, depth: number): string {
  if (depth === 0) return 'pool';
  if (vdev.state === null) return 'group';
  const m = /^(mirror|raidz\d?|draid\d?|replacing|spare)-\d+$/.exec(vdev.name);
  if (m?.[1]) return m[1];
  return 'disk';
}

function flatten(vdevs: readonly PoolVdev[], depth = 0): { vdev: PoolVdev; depth: number }[] {
  return vdevs.flatMap((vdev) => [{ vdev, depth }, ...flatten(vdev.children, depth + 1)]);
}

function Count({ value }: { value: number | null }) {
  if (value === null) return <span className="text-ink-faint">–</span>;
  return <span className={value > 0 ? 'font-semibold text-red-700 dark:text-red-400' : ''}>{value}</span>;
}

/** The pool's config block (`zpool status`): the pool, its mirrors or raidz groups, their disks. */
export function VdevTree({ pool, config }: { pool: string; config: readonly PoolVdev[] }) {
  const rows = flatten(config);
  return (
    <div className="overflow-x-auto">
      <table aria-label={`Devices of ${pool}`} className="w-full border-collapse text-sm">
        <thead className="border-b border-line bg-sunken">
          <tr>
            <th scope="col" className={th}>
              Device
            </th>
            <th scope="col" className={th}>
              State
            </th>
            <th scope="col" className={`${th} text-right`}>
              Read
            </th>
            <th scope="col" className={`${th} text-right`}>
              Write
            </th>
            <th scope="col" className={`${th} text-right`}>
              Cksum
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map(({ vdev, depth }, i) => {
            const kind = kindOf(vdev, depth);
            return (
              <tr key={`${i}-${vdev.name}`} data-kind={kind}>
                <td className={td}>
                  <span className="flex items-center gap-2" style={{ paddingLeft: `${depth * 1.25}rem` }}>
                    <span className={`font-mono text-[13px] ${kind === 'disk' ? '' : 'font-semibold'}`}>
                      {vdev.name}
                    </span>
                    {kind !== 'disk' ? <span className="text-xs text-ink-faint">{kind}</span> : null}
                  </span>
                  {vdev.message ? (
                    <span
                      className="mt-0.5 block text-xs text-ink-muted"
                      style={{ paddingLeft: `${depth * 1.25}rem` }}
                    >
                      {vdev.message}
                    </span>
                  ) : null}
                </td>
                <td className={td}>
                  {vdev.state ? <ToneBadge tone={deviceTone(vdev.state)}>{vdev.state}</ToneBadge> : null}
                </td>
                <td className={`${td} text-right tabular-nums`}>
                  <Count value={vdev.read} />
                </td>
                <td className={`${td} text-right tabular-nums`}>
                  <Count value={vdev.write} />
                </td>
                <td className={`${td} text-right tabular-nums`}>
                  <Count value={vdev.cksum} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
