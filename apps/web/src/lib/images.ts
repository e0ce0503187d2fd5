// Installed images and the catalog for people: size, who uses an image, what can be imported.
// Pure: tested in images.test.ts.
import type { ImageInfo, ImageManifest, JobStage, VmSummary } from '@zonedeck/api/schemas';

import { formatBytes } from './storage';
import type { WizardBrand } from './vmForm';

/** The image's download size: the sum of its files (compressed, as served). */
export function imageFileBytes(manifest: ImageManifest): number | null {
  const sizes = (manifest.files ?? []).map((f) => f.size).filter((s): s is number => typeof s === 'number');
  return sizes.length === 0 ? null : sizes.reduce((a, b) => a + b, 0);
}

const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-disk\d+)?$/;

export interface ImageUser {
  uuid: string;
  name: string;
}

/**
 * The VMs using an image: those created from it (`image_uuid`) and those whose zone root or disk
 * is one of its clones (`zones/<uuid>`, `zones/<uuid>-disk0`). By name, each once.
 */
export function imageUsers(image: ImageInfo, vms: readonly VmSummary[]): ImageUser[] {
  const uuid = image.manifest.uuid;
  const ids = new Set<string>();
  for (const vm of vms) if (vm.imageUuid === uuid) ids.add(vm.uuid);
  for (const clone of image.cloneNames ?? []) {
    const m = UUID.exec(clone);
    if (m?.[1]) ids.add(m[1]);
  }
  const names = new Map(vms.map((vm) => [vm.uuid, vm.alias ?? vm.uuid]));
  return [...ids]
    .map((id) => ({ uuid: id, name: names.get(id) ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The catalog without what is installed, newest first. */
export function importable(
  avail: readonly ImageManifest[],
  installed: readonly ImageInfo[],
): ImageManifest[] {
  const have = new Set(installed.map((i) => i.manifest.uuid));
  return avail
    .filter((m) => !have.has(m.uuid))
    .sort(
      (a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? '') || a.name.localeCompare(b.name),
    );
}

/** `2018-08-09T19:05:52Z` → `2018-08-09`; the text as is otherwise; "—" when absent. */
export function publishedDate(manifest: ImageManifest): string {
  const at = manifest.published_at;
  if (!at) return '—';
  return /^\d{4}-\d{2}-\d{2}/.exec(at)?.[0] ?? at;
}

/** `zone-dataset` → "OS zone", `lx-dataset` → "LX zone", `zvol` → "HVM disk" (KVM/bhyve). */
export function imageTypeLabel(type: string): string {
  switch (type) {
    case 'zone-dataset':
      return 'OS zone';
    case 'lx-dataset':
      return 'LX zone';
    case 'zvol':
      return 'HVM disk';
    default:
      return type;
  }
}

export type ImageSortKey = 'name' | 'version' | 'os' | 'type' | 'size' | 'published' | 'users';

/** Installed images sorted by a column; `users` counts the VMs using each. Ties by name, then version. */
export function sortImages<T extends { manifest: ImageManifest }>(
  images: readonly T[],
  key: ImageSortKey,
  direction: 'asc' | 'desc',
  users: (image: T) => number,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const text = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return [...images].sort((x, y) => {
    const a = x.manifest;
    const b = y.manifest;
    let c = 0;
    if (key === 'name') c = text(a.name, b.name);
    else if (key === 'version') c = text(a.version, b.version);
    else if (key === 'os') c = text(a.os, b.os);
    else if (key === 'type') c = text(a.type, b.type);
    else if (key === 'size') c = (imageFileBytes(a) ?? -1) - (imageFileBytes(b) ?? -1);
    else if (key === 'published') c = text(a.published_at ?? '', b.published_at ?? '');
    else c = users(x) - users(y);
    return sign * c || text(a.name, b.name) || text(a.version, b.version);
  });
}

/** imgadm import's steps as the images page names them. */
export function importPhaseLabel(phase: string): string {
  switch (phase) {
    case 'prepare':
      return 'Preparing';
    case 'download':
      return 'Downloading';
    case 'verify':
      return 'Checking the checksum';
    case 'install':
      return 'Installing into the pool';
    case 'done':
      return 'Finishing';
    default:
      return phase;
  }
}

/** A running import's figures: `1.20 MiB of 4.60 MiB`, `2.00 MiB/s` (the rate once imgadm shows one). */
export function importStageFigures(stage: JobStage): { transferred: string | null; rate: string | null } {
  const transferred =
    stage.bytes === null
      ? null
      : stage.totalBytes !== null
        ? `${formatBytes(stage.bytes)} of ${formatBytes(stage.totalBytes)}`
        : formatBytes(stage.bytes);
  const rate = stage.bytesPerSecond === null ? null : `${formatBytes(stage.bytesPerSecond)}/s`;
  return { transferred, rate };
}

/** The wizard's brand for an image, by its type: zone images boot joyent, lx images lx, disks bhyve. */
export function brandForImageType(type: string): WizardBrand | undefined {
  switch (type) {
    case 'zone-dataset':
      return 'joyent';
    case 'lx-dataset':
      return 'lx';
    case 'zvol':
      return 'bhyve';
    default:
      return undefined;
  }
}

const UUID_ONLY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `?image=` of /vms/new ("Create VM from this image"): a uuid, else nothing. */
export function imageParam(value: string | null): string | undefined {
  return value !== null && UUID_ONLY.test(value) ? value : undefined;
}
