import type { HostNic } from '@zonedeck/api/schemas';

const th = 'px-3 py-1.5 text-left text-xs font-medium text-ink-muted';
const td = 'px-3 py-1.5 align-middle';

function LinkState({ up }: { up: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span aria-hidden="true" className={`size-2 rounded-full ${up ? 'bg-emerald-500' : 'bg-red-500'}`} />
      {up ? 'up' : 'down'}
    </span>
  );
}

/** The host's physical NICs as sysinfo reports them. */
export function HostNicTable({ nics }: { nics: readonly HostNic[] }) {
  if (nics.length === 0) return <p className="text-ink-muted">No network interfaces reported.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-line">
      <table aria-label="Network interfaces" className="w-full border-collapse text-sm">
        <thead className="border-b border-line bg-sunken">
          <tr>
            <th scope="col" className={th}>
              Interface
            </th>
            <th scope="col" className={th}>
              MAC
            </th>
            <th scope="col" className={th}>
              IPv4
            </th>
            <th scope="col" className={th}>
              Link
            </th>
            <th scope="col" className={th}>
              NIC tags
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {nics.map((nic) => (
            <tr key={nic.name}>
              <td className={`${td} font-mono text-xs font-medium`}>{nic.name}</td>
              <td className={`${td} font-mono text-xs`}>{nic.mac}</td>
              <td className={`${td} font-mono text-xs`}>
                {nic.ip4addr || <span className="text-ink-faint">none</span>}
              </td>
              <td className={td}>
                <LinkState up={nic.linkUp} />
              </td>
              <td className={td}>
                {nic.nicTags.length === 0 ? (
                  <span className="text-ink-faint">none</span>
                ) : (
                  <ul className="flex flex-wrap gap-1">
                    {nic.nicTags.map((tag) => (
                      <li
                        key={tag}
                        className="rounded bg-sunken px-1.5 py-px font-mono text-xs ring-1 ring-line ring-inset"
                      >
                        {tag}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
