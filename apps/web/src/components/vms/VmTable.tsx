import Link from 'next/link';

import type { VmSummary } from '@zonedeck/api/schemas';

import { brandFamily, formatMiB } from '../../lib/format';
import type { PowerAction } from '../../lib/vmActions';
import { VmRowActions } from './VmRowActions';
import { VmStateBadge } from './VmStateBadge';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-2 align-middle';

export interface VmTableActions {
  isBusy: (uuid: string) => boolean;
  onAction: (action: PowerAction, vm: VmSummary) => void;
}

/**
 * The VMs of one host, one row each. Everything in a cell came from the host: text only.
 * `actions` adds the power buttons (left out for viewers).
 */
export function VmTable({ vms, actions }: { vms: readonly VmSummary[]; actions?: VmTableActions }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Virtual machines" className="w-full border-collapse text-sm">
        <thead className="border-b border-line bg-sunken">
          <tr>
            <th scope="col" className={th}>
              Alias
            </th>
            <th scope="col" className={th}>
              Type
            </th>
            <th scope="col" className={th}>
              State
            </th>
            <th scope="col" className={`${th} text-right`}>
              RAM
            </th>
            <th scope="col" className={th}>
              UUID
            </th>
            {actions ? (
              <th scope="col" className={`${th} text-right`}>
                Actions
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {vms.map((vm) => {
            const busy = actions?.isBusy(vm.uuid) ?? false;
            return (
              <tr key={vm.uuid} aria-busy={busy || undefined} className="hover:bg-sunken/70">
                <td className={`${td} font-medium`}>
                  <Link
                    href={`/vms/${vm.uuid}`}
                    className="text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
                  >
                    {vm.alias ?? <span className="font-normal italic">no alias</span>}
                  </Link>
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  <span className="inline-block min-w-11 rounded border border-line px-1.5 py-px text-center text-xs font-semibold">
                    {brandFamily(vm.brand)}
                  </span>{' '}
                  <span className="text-xs text-ink-muted">{vm.brand}</span>
                </td>
                <td className={td}>
                  <VmStateBadge state={vm.state} />
                </td>
                <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{formatMiB(vm.ramMiB)}</td>
                <td className={`${td} font-mono text-xs whitespace-nowrap text-ink-muted`}>{vm.uuid}</td>
                {actions ? (
                  <td className={`${td} py-1.5`}>
                    <VmRowActions vm={vm} busy={busy} onAction={actions.onAction} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
