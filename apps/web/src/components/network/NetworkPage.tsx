'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';

import type { HostEntry } from '@zonedeck/api/schemas';

import { formatSpeed, physRows, vnicsByVm } from '../../lib/network';
import { useTRPC } from '../../trpc/provider';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { TableHead } from '../common/TableHead';
import { ToneBadge } from '../common/ToneBadge';
import { HostGate, PageTitle } from '../hosts/HostGate';

const td = 'px-3 py-1.5 align-middle';

function Tags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return <span className="text-ink-faint">none</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {tags.map((t) => (
        <li key={t} className="rounded bg-sunken px-1.5 py-px font-mono text-xs ring-1 ring-line ring-inset">
          {t}
        </li>
      ))}
    </ul>
  );
}

/** Loading, error or the body of a query, the same way on every panel. */
function QueryBody<T>({
  query,
  label,
  error,
  children,
}: {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: T | undefined;
    isFetching: boolean;
    refetch: () => unknown;
  };
  label: string;
  error: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <LoadingRegion label={label}>
        <Skeleton className="h-20 w-full" />
      </LoadingRegion>
    );
  }
  if (query.data === undefined) {
    return <QueryErrorPanel title={error} query={query} />;
  }
  return <>{children(query.data)}</>;
}

function HostNetwork({ host }: { host: HostEntry }) {
  const trpc = useTRPC();
  const hostId = host.id;
  const nics = useQuery(trpc.network.nics.queryOptions({ hostId }));
  const tags = useQuery(trpc.network.nicTags.queryOptions({ hostId }));
  const vnics = useQuery(trpc.network.vnics.queryOptions({ hostId }));
  const summary = useQuery(trpc.host.summary.queryOptions({ hostId }));
  const vms = useQuery(trpc.vm.list.queryOptions({ hostId }));

  return (
    <div className="space-y-4">
      <PageTitle title="Network" host={host}>
        <span className="text-sm">
          Admin IP{' '}
          <span className="font-mono font-semibold" aria-label="Admin network IP">
            {summary.data ? summary.data.adminIp || '—' : '…'}
          </span>
        </span>
      </PageTitle>
      <Panel label="Physical NICs" title="Physical NICs">
        <QueryBody
          query={nics}
          label="Reading the physical links"
          error="Could not read the physical links (dladm)"
        >
          {(links) => {
            const rows = physRows(links, summary.data?.nics ?? [], tags.data ?? []);
            return (
              <div className="-mx-4 -my-4 overflow-x-auto">
                <table aria-label="Physical NICs" className="w-full border-collapse text-sm">
                  <TableHead columns={['Link', 'State', 'Speed', 'Duplex', 'MAC', 'IPv4', 'NIC tags']} />
                  <tbody className="divide-y divide-line">
                    {rows.map((r) => (
                      <tr key={r.link}>
                        <th scope="row" className={`${td} text-left font-mono text-[13px] font-semibold`}>
                          {r.link}
                          {r.media ? (
                            <span className="ml-2 font-sans text-xs font-normal text-ink-faint">
                              {r.media}
                            </span>
                          ) : null}
                        </th>
                        <td className={td}>
                          <ToneBadge tone={r.state === 'up' ? 'ok' : r.state === 'down' ? 'bad' : 'idle'}>
                            {r.state}
                          </ToneBadge>
                        </td>
                        <td className={`${td} tabular-nums`}>{formatSpeed(r.speedMbps)}</td>
                        <td className={td}>{r.duplex ?? '—'}</td>
                        <td className={`${td} font-mono text-xs`}>{r.mac ?? '—'}</td>
                        <td className={`${td} font-mono text-xs`}>
                          {r.ip4addr ?? <span className="text-ink-faint">none</span>}
                        </td>
                        <td className={td}>
                          <Tags tags={r.nicTags} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }}
        </QueryBody>
      </Panel>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Panel label="NIC tags" title="NIC tags">
          <QueryBody
            query={tags}
            label="Reading the NIC tags"
            error="Could not read the NIC tags (nictagadm)"
          >
            {(list) =>
              list.length === 0 ? (
                <p className="text-ink-muted">
                  No NIC tags: tag a physical NIC (the host&apos;s nic_tag settings) to give VMs a network.
                </p>
              ) : (
                <div className="-mx-4 -my-4 overflow-x-auto">
                  <table aria-label="NIC tags" className="w-full border-collapse text-sm">
                    <TableHead columns={['Tag', 'Link', 'MAC', 'Type']} />
                    <tbody className="divide-y divide-line">
                      {list.map((t) => (
                        <tr key={t.name}>
                          <th scope="row" className={`${td} text-left font-mono text-[13px] font-semibold`}>
                            {t.name}
                          </th>
                          <td className={`${td} font-mono text-xs`}>{t.link ?? '—'}</td>
                          <td className={`${td} font-mono text-xs`}>{t.mac ?? '—'}</td>
                          <td className={td}>{t.type}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )
            }
          </QueryBody>
        </Panel>
        <Panel label="VNICs" title="VNICs per VM">
          <QueryBody query={vnics} label="Reading the VNICs" error="Could not read the VNICs (dladm)">
            {(list) =>
              list.length === 0 ? (
                <p className="text-ink-muted">
                  No VNICs: a VM&apos;s NICs appear here while it runs; start one or create a VM.
                </p>
              ) : (
                <div className="-mx-4 -my-4 overflow-x-auto">
                  <table aria-label="VNICs" className="w-full border-collapse text-sm">
                    <TableHead columns={['VM', 'VNIC', 'Over', 'Speed', 'MAC', 'VLAN']} />
                    {vnicsByVm(list, vms.data ?? []).map((g) => (
                      <tbody key={g.zone ?? 'global'} className="divide-y divide-line border-b border-line">
                        {g.vnics.map((v, i) => (
                          <tr key={v.link}>
                            {i === 0 ? (
                              <th
                                scope="rowgroup"
                                rowSpan={g.vnics.length}
                                className={`${td} text-left align-top font-medium`}
                              >
                                {g.zone ? (
                                  <Link href={`/vms/${g.zone}`} className="hover:text-accent hover:underline">
                                    {g.name}
                                  </Link>
                                ) : (
                                  g.name
                                )}
                              </th>
                            ) : null}
                            <td className={`${td} font-mono text-[13px]`}>{v.link}</td>
                            <td className={`${td} font-mono text-xs`}>{v.over ?? '—'}</td>
                            <td className={`${td} tabular-nums`}>{formatSpeed(v.speedMbps)}</td>
                            <td className={`${td} font-mono text-xs`}>
                              {v.macAddress ?? '—'}
                              {v.macAddressType ? (
                                <span className="ml-1 font-sans text-ink-faint">{v.macAddressType}</span>
                              ) : null}
                            </td>
                            <td className={`${td} tabular-nums`}>
                              {v.vid ? v.vid : <span className="text-ink-faint">none</span>}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    ))}
                  </table>
                </div>
              )
            }
          </QueryBody>
        </Panel>
      </div>
    </div>
  );
}

/** /network: physical NICs with their tags, the NIC tags, the VNICs of each VM, the admin IP. */
export function NetworkPage() {
  return <HostGate>{(host) => <HostNetwork host={host} />}</HostGate>;
}
