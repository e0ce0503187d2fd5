'use client';

import { Plus, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';

import type { ImageInfo, VmSummary } from '@zonedeck/api/schemas';

import {
  imageFileBytes,
  imageTypeLabel,
  imageUsers,
  publishedDate,
  sortImages,
  type ImageSortKey,
  type ImageUser,
} from '../../lib/images';
import { formatBytes } from '../../lib/storage';
import { Button } from '../common/Button';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { NoticeDialog } from '../common/NoticeDialog';
import { SortHeader, type SortState } from '../common/SortHeader';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-2 align-middle';

function Users({ users }: { users: readonly ImageUser[] }) {
  if (users.length === 0) return <span className="text-ink-faint">none</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {users.map((u) => (
        <li key={u.uuid}>
          <Link
            href={`/vms/${u.uuid}`}
            className="rounded bg-sunken px-1.5 py-px text-xs ring-1 ring-line ring-inset hover:text-accent hover:underline"
          >
            {u.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The host's installed images (`imgadm list`), sortable, with the VMs using each. */
export function InstalledImages({
  images,
  vms,
  isAdmin,
  isBusy,
  onDelete,
}: {
  images: readonly ImageInfo[];
  vms: readonly VmSummary[];
  isAdmin: boolean;
  isBusy: (uuid: string) => boolean;
  onDelete: (uuid: string) => void;
}) {
  const [sort, setSort] = useState<SortState<ImageSortKey>>({ key: 'name', direction: 'asc' });
  const [asking, setAsking] = useState<{ image: ImageInfo; users: ImageUser[] } | null>(null);
  const usersOf = new Map(images.map((i) => [i.manifest.uuid, imageUsers(i, vms)]));
  const count = (i: ImageInfo) => usersOf.get(i.manifest.uuid)?.length ?? 0;
  const rows = sortImages(images, sort.key, sort.direction, count);

  const header = (label: string, column: ImageSortKey, align: 'left' | 'right' = 'left') => (
    <SortHeader
      label={label}
      column={column}
      sort={sort}
      onSort={setSort}
      align={align}
      initial={column === 'size' || column === 'published' || column === 'users' ? 'desc' : 'asc'}
    />
  );

  const label = (i: ImageInfo) => `${i.manifest.name}@${i.manifest.version}`;

  if (images.length === 0)
    return <p className="p-4 text-ink-muted">No images installed: import one below.</p>;

  return (
    <>
      <div className="overflow-x-auto">
        <table aria-label="Installed images" className="w-full border-collapse text-sm">
          <thead className="border-b border-line bg-sunken">
            <tr>
              {header('Name', 'name')}
              {header('Version', 'version')}
              {header('OS', 'os')}
              {header('Type', 'type')}
              {header('Size', 'size', 'right')}
              {header('Published', 'published')}
              {header('Used by', 'users')}
              {isAdmin ? (
                <th scope="col" className={`${th} text-right`}>
                  Actions
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {rows.map((image) => {
              const m = image.manifest;
              const users = usersOf.get(m.uuid) ?? [];
              const busy = isBusy(m.uuid);
              return (
                <tr key={m.uuid} aria-busy={busy || undefined} className="hover:bg-sunken/70">
                  <th scope="row" className={`${td} text-left font-medium`}>
                    <span className="block">{m.name}</span>
                    <span className="block font-mono text-[11px] font-normal text-ink-faint">{m.uuid}</span>
                  </th>
                  <td className={`${td} font-mono text-xs`}>{m.version}</td>
                  <td className={td}>{m.os}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    {imageTypeLabel(m.type)} <span className="text-xs text-ink-faint">{m.type}</span>
                  </td>
                  <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                    {formatBytes(imageFileBytes(m))}
                  </td>
                  <td className={`${td} whitespace-nowrap tabular-nums`}>{publishedDate(m)}</td>
                  <td className={td}>
                    <Users users={users} />
                  </td>
                  {isAdmin ? (
                    <td className={`${td} text-right`}>
                      <span className="inline-flex gap-1.5">
                        <Link
                          href={`/vms/new?image=${m.uuid}`}
                          aria-label={`Create VM from ${label(image)}`}
                          className="inline-flex h-7 items-center gap-1 rounded-md border border-line-strong bg-surface px-2 text-xs font-medium whitespace-nowrap hover:bg-sunken focus-visible:outline-2 focus-visible:outline-accent"
                        >
                          <Plus aria-hidden="true" className="size-3.5" />
                          Create VM
                        </Link>
                        <Button
                          size="sm"
                          variant="danger"
                          disabled={busy}
                          aria-label={`Delete ${label(image)}`}
                          onClick={() => setAsking({ image, users })}
                        >
                          <Trash2 aria-hidden="true" className="size-3.5" />
                          {busy ? 'Deleting…' : 'Delete'}
                        </Button>
                      </span>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <NoticeDialog
        open={asking !== null && asking.users.length > 0}
        title={asking ? `${label(asking.image)} is in use` : ''}
        onClose={() => setAsking(null)}
      >
        {asking ? (
          <>
            <p>
              imgadm refuses to delete an image that VMs were created from. Delete these VMs first (or keep
              the image):
            </p>
            <ul className="mt-2 list-disc pl-5 text-ink">
              {asking.users.map((u) => (
                <li key={u.uuid}>{u.name}</li>
              ))}
            </ul>
          </>
        ) : null}
      </NoticeDialog>
      <ConfirmDialog
        open={asking !== null && asking.users.length === 0}
        title={asking ? `Delete ${label(asking.image)}?` : ''}
        confirmLabel="Delete image"
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking) onDelete(asking.image.manifest.uuid);
          setAsking(null);
        }}
      >
        The image’s dataset is destroyed. It can be imported again from its source.
      </ConfirmDialog>
    </>
  );
}
