'use client';

import { useQuery } from '@tanstack/react-query';
import { Check, Copy } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { toast } from 'sonner';

import type { VmDetail } from '@zonedeck/api/schemas';

import { formatDateTime, formatMiB } from '../../lib/format';
import {
  isHvmBrand,
  numberProp,
  recordEntries,
  stringProp,
  vmDisks,
  vmNics,
  vmRamMiB,
} from '../../lib/vmDetail';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { Panel } from '../common/Panel';
import { TableHead } from '../common/TableHead';

const td = 'px-3 py-2 align-top';
const none = <span className="text-ink-faint">none</span>;

function Facts({ label, items }: { label: string; items: [string, ReactNode][] }) {
  return (
    <dl aria-label={label} className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
      {items.map(([term, value]) => (
        <div key={term} className="min-w-0">
          <dt className="text-xs font-medium tracking-wide text-ink-muted uppercase">{term}</dt>
          <dd className="mt-0.5 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function mono(text: string | null): ReactNode {
  return text ? <span className="font-mono text-xs break-all">{text}</span> : none;
}

function when(iso: string | null): ReactNode {
  return iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : none;
}

/** Brand, image, sizes and where the VM lives. */
export function VmSummarySection({ hostId, vm }: { hostId: string; vm: VmDetail }) {
  const trpc = useTRPC();
  const images = useQuery(trpc.image.list.queryOptions({ hostId }));
  const hvm = isHvmBrand(vm.brand);
  const imageUuid = hvm
    ? (vmDisks(vm).find((d) => d.imageUuid)?.imageUuid ?? null)
    : stringProp(vm, 'image_uuid');
  const image = images.data?.find((i) => i.manifest.uuid === imageUuid)?.manifest;
  const ram = vmRamMiB(vm);
  const cap = numberProp(vm, 'cpu_cap');
  const quota = numberProp(vm, 'quota');

  const items: [string, ReactNode][] = [
    ['Brand', vm.brand],
    [
      'Image',
      imageUuid ? (
        <>
          {image ? (
            <span className="font-medium">
              {image.name} {image.version}
            </span>
          ) : null}
          <span className="block font-mono text-xs break-all text-ink-muted">{imageUuid}</span>
        </>
      ) : (
        none
      ),
    ],
    ['RAM', ram !== null ? formatMiB(ram) : none],
    ['CPU cap', cap ? `${cap} % of one CPU` : 'no cap'],
    ['Quota', quota ? `${quota} GiB` : 'no quota'],
  ];
  if (hvm) items.push(['vCPUs', String(numberProp(vm, 'vcpus') ?? 1)]);
  items.push(
    ['Hostname', stringProp(vm, 'hostname') ?? none],
    ['Autoboot', vm['autoboot'] === true ? 'yes' : 'no'],
    ['Created', when(stringProp(vm, 'create_timestamp'))],
    ['Booted', when(stringProp(vm, 'boot_timestamp'))],
    ['Zonepath', mono(stringProp(vm, 'zonepath'))],
    ['ZFS filesystem', mono(stringProp(vm, 'zfs_filesystem'))],
    ['UUID', mono(vm.uuid)],
  );
  return (
    <Panel label="Summary" title="Summary">
      <Facts label="VM summary" items={items} />
    </Panel>
  );
}

export function VmNetworkSection({ vm }: { vm: VmDetail }) {
  const nics = vmNics(vm);
  const resolvers = Array.isArray(vm['resolvers'])
    ? vm['resolvers'].filter((r) => typeof r === 'string')
    : [];
  return (
    <Panel label="Network" title="NICs">
      {nics.length === 0 ? (
        <p className="py-4 text-center text-ink-muted">This VM has no NICs.</p>
      ) : (
        <div className="-mx-4 -mt-4 overflow-x-auto">
          <table aria-label="NICs" className="w-full border-collapse text-sm">
            <TableHead columns={['Interface', 'NIC tag', 'IPs', 'Gateways', 'MAC', 'VLAN', 'Model']} />
            <tbody className="divide-y divide-line">
              {nics.map((nic, i) => (
                <tr key={nic.mac ?? i}>
                  <td className={`${td} font-medium whitespace-nowrap`}>
                    {nic.interface ?? `nic ${i}`}
                    {nic.primary ? (
                      <span className="ml-1.5 text-xs font-normal text-ink-muted">primary</span>
                    ) : null}
                  </td>
                  <td className={td}>{nic.nicTag ?? none}</td>
                  <td className={`${td} font-mono text-xs`}>{nic.ips.length ? nic.ips.join(', ') : none}</td>
                  <td className={`${td} font-mono text-xs`}>
                    {nic.gateways.length ? nic.gateways.join(', ') : none}
                  </td>
                  <td className={`${td} font-mono text-xs`}>{nic.mac ?? none}</td>
                  <td className={td}>{nic.vlanId ?? none}</td>
                  <td className={td}>{nic.model ?? none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 text-sm">
        <span className="text-xs font-medium tracking-wide text-ink-muted uppercase">Resolvers</span>{' '}
        <span className="ml-2 font-mono text-xs">{resolvers.length ? resolvers.join(', ') : 'none'}</span>
      </p>
    </Panel>
  );
}

export function VmDisksSection({ vm }: { vm: VmDetail }) {
  const disks = vmDisks(vm);
  return (
    <Panel label="Disks" title="Disks">
      {disks.length === 0 ? (
        <p className="py-4 text-center text-ink-muted">This VM has no disks.</p>
      ) : (
        <div className="-mx-4 -my-4 overflow-x-auto">
          <table aria-label="Disks" className="w-full border-collapse text-sm">
            <TableHead columns={['Dataset', 'Size', 'Model', 'Boot', 'Image']} />
            <tbody className="divide-y divide-line">
              {disks.map((disk, i) => (
                <tr key={disk.zfsFilesystem ?? i}>
                  <td className={`${td} font-mono text-xs break-all`}>
                    {disk.zfsFilesystem ?? disk.path ?? `disk ${i}`}
                  </td>
                  <td className={`${td} whitespace-nowrap tabular-nums`}>
                    {disk.size !== null ? formatMiB(disk.size) : none}
                  </td>
                  <td className={td}>{disk.model ?? none}</td>
                  <td className={td}>{disk.boot ? 'yes' : 'no'}</td>
                  <td className={`${td} font-mono text-xs`}>{disk.imageUuid ?? none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

function EntryList({ label, entries, empty }: { label: string; entries: [string, string][]; empty: string }) {
  if (entries.length === 0) return <p className="text-ink-muted">{empty}</p>;
  return (
    <dl aria-label={label} className="divide-y divide-line rounded-md border border-line">
      {entries.map(([key, value]) => (
        <div key={key} className="grid gap-1 px-3 py-2 sm:grid-cols-[12rem_1fr] sm:gap-3">
          <dt className="font-mono text-xs font-medium break-all">{key}</dt>
          <dd className="min-w-0">
            {value.includes('\n') || value.length > 80 ? (
              <pre className="max-h-48 overflow-auto rounded bg-sunken p-2 font-mono text-xs whitespace-pre-wrap break-all">
                {value}
              </pre>
            ) : (
              <span className="font-mono text-xs break-all">{value}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function VmMetadataSection({ vm, editButton }: { vm: VmDetail; editButton: ReactNode }) {
  return (
    <div className="space-y-4">
      <Panel label="Tags" title="Tags" actions={editButton}>
        <EntryList label="Tags" entries={recordEntries(vm['tags'])} empty="No tags." />
      </Panel>
      <Panel label="Customer metadata" title="Customer metadata">
        <EntryList
          label="Customer metadata"
          entries={recordEntries(vm['customer_metadata'])}
          empty="No customer metadata."
        />
      </Panel>
    </div>
  );
}

/** The whole `vmadm get` object, as the host printed it, with a Copy button. */
export function VmJsonSection({ vm }: { vm: VmDetail }) {
  const text = JSON.stringify(vm, null, 2);
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      toast.error('Could not copy: the browser refused the clipboard. Select the text instead.');
    }
  }
  return (
    <Panel
      label="vmadm get JSON"
      title={
        <>
          <code className="font-mono">vmadm get {vm.uuid}</code>
        </>
      }
      actions={
        <Button size="sm" onClick={() => void copy()}>
          {copied ? (
            <Check aria-hidden="true" className="size-3.5" />
          ) : (
            <Copy aria-hidden="true" className="size-3.5" />
          )}
          {copied ? 'Copied' : 'Copy JSON'}
        </Button>
      }
    >
      <pre
        aria-label="vmadm get output"
        tabIndex={0}
        className="-mx-4 -my-4 max-h-[60vh] overflow-auto bg-sunken p-4 font-mono text-xs leading-relaxed"
      >
        {text}
      </pre>
    </Panel>
  );
}
