'use client';

import { Download } from 'lucide-react';

import type { ImageManifest } from '@zonedeck/api/schemas';

import { imageFileBytes, imageTypeLabel, publishedDate } from '../../lib/images';
import { formatBytes } from '../../lib/storage';
import { Button } from '../common/Button';

const th = 'px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase';
const td = 'px-3 py-2 align-middle';

/** What the host's image sources offer and is not installed yet (`imgadm avail`), newest first. */
export function ImageCatalog({
  images,
  isAdmin,
  isBusy,
  onImport,
}: {
  images: readonly ImageManifest[];
  isAdmin: boolean;
  isBusy: (uuid: string) => boolean;
  onImport: (uuid: string) => void;
}) {
  if (images.length === 0) {
    return <p className="p-4 text-ink-muted">Every image the sources offer is installed.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table aria-label="Image catalog" className="w-full border-collapse text-sm">
        <thead className="border-b border-line bg-sunken">
          <tr>
            <th scope="col" className={th}>
              Name
            </th>
            <th scope="col" className={th}>
              Version
            </th>
            <th scope="col" className={th}>
              OS
            </th>
            <th scope="col" className={th}>
              Type
            </th>
            <th scope="col" className={`${th} text-right`}>
              Size
            </th>
            <th scope="col" className={th}>
              Published
            </th>
            {isAdmin ? (
              <th scope="col" className={`${th} text-right`}>
                Actions
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {images.map((m) => {
            const busy = isBusy(m.uuid);
            return (
              <tr key={m.uuid} className="hover:bg-sunken/70">
                <th scope="row" className={`${td} text-left font-medium`}>
                  <span className="block">{m.name}</span>
                  {m.description ? (
                    <span
                      className="block max-w-md truncate text-xs font-normal text-ink-muted"
                      title={m.description}
                    >
                      {m.description}
                    </span>
                  ) : null}
                </th>
                <td className={`${td} font-mono text-xs`}>{m.version}</td>
                <td className={td}>{m.os}</td>
                <td className={`${td} whitespace-nowrap`}>{imageTypeLabel(m.type)}</td>
                <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                  {formatBytes(imageFileBytes(m))}
                </td>
                <td className={`${td} whitespace-nowrap tabular-nums`}>{publishedDate(m)}</td>
                {isAdmin ? (
                  <td className={`${td} text-right`}>
                    <Button
                      size="sm"
                      disabled={busy}
                      aria-label={`Import ${m.name}@${m.version}`}
                      onClick={() => onImport(m.uuid)}
                    >
                      <Download aria-hidden="true" className="size-3.5" />
                      {busy ? 'Importing…' : 'Import'}
                    </Button>
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
