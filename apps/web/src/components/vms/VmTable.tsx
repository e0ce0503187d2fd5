import type { VmSummary } from '@zonedeck/api/schemas';

import { brandFamily, formatMiB } from '../../lib/format';
import { VmStateBadge } from './VmStateBadge';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-2 align-middle';

/** The VMs of one host, one row each. Everything in a cell came from the host: text only. */
export function VmTable({ vms }: { vms: readonly VmSummary[] }) {
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
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {vms.map((vm) => (
            <tr key={vm.uuid} className="hover:bg-sunken/70">
              <td className={`${td} font-medium`}>
                {vm.alias ?? <span className="font-normal text-ink-faint italic">no alias</span>}
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
