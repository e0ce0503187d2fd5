import { z } from 'zod';

/**
 * An image manifest (IMGAPI v2) as imgadm prints it. Fields beyond these are kept: a
 * manifest from another image server may carry more.
 */
export const ImageManifest = z.looseObject({
  v: z.number().optional(),
  uuid: z.guid(),
  owner: z.string().optional(),
  name: z.string(),
  version: z.string(),
  state: z.string().optional(),
  disabled: z.boolean().optional(),
  public: z.boolean().optional(),
  published_at: z.string().optional(),
  /** `zone-dataset`, `lx-dataset`, `zvol`, `docker`, `other`. */
  type: z.string(),
  /** `smartos`, `linux`, `windows`, `bsd`, `illumos`, `other`. */
  os: z.string(),
  origin: z.string().optional(),
  files: z
    .array(
      z.looseObject({
        sha1: z.string().optional(),
        size: z.number().optional(),
        compression: z.string().optional(),
      }),
    )
    .optional(),
  description: z.string().optional(),
  homepage: z.string().optional(),
  urn: z.string().optional(),
  requirements: z
    .looseObject({
      min_platform: z.record(z.string(), z.string()).optional(),
      max_platform: z.record(z.string(), z.string()).optional(),
      networks: z.array(z.looseObject({ name: z.string(), description: z.string().optional() })).optional(),
      ssh_key: z.boolean().optional(),
      brand: z.string().optional(),
      bootrom: z.string().optional(),
    })
    .optional(),
  nic_driver: z.string().optional(),
  disk_driver: z.string().optional(),
  cpu_type: z.string().optional(),
  /** MiB, zvol images only. */
  image_size: z.number().optional(),
  tags: z.record(z.string(), z.unknown()).optional(),
});
export type ImageManifest = z.infer<typeof ImageManifest>;

/** An installed image: `imgadm list -j` entries and `imgadm get`. */
export const ImageInfo = z.looseObject({
  manifest: ImageManifest,
  zpool: z.string(),
  source: z.string().optional(),
  /** Datasets cloned from the image (its VMs' zone roots and disks). */
  cloneNames: z.array(z.string()).optional(),
  clones: z.number().optional(),
});
export type ImageInfo = z.infer<typeof ImageInfo>;

/** One row of the `imgadm list` / `imgadm avail` table, keyed by lower-case column name (`-` → null). */
export const ImageTableRow = z.record(z.string(), z.string().nullable());
export type ImageTableRow = z.infer<typeof ImageTableRow>;

/** An image source: `imgadm sources -j` (or -v / the plain URL list). */
export const ImageSource = z.object({
  url: z.string(),
  /** `imgapi`, `docker`, `dsapi`; null when the plain list does not say. */
  type: z.string().nullable(),
  insecure: z.boolean(),
});
export type ImageSource = z.infer<typeof ImageSource>;

/** What `imgadm sources -a|-d` did. */
export const ImageSourceChange = z.object({
  action: z.enum(['added', 'deleted']),
  changed: z.boolean(),
  url: z.string(),
  type: z.string().nullable(),
});
export type ImageSourceChange = z.infer<typeof ImageSourceChange>;

/** One line of `imgadm import` as a progress event. */
export const ImageImportEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('importing'),
    uuid: z.string(),
    name: z.string(),
    version: z.string(),
    source: z.string(),
  }),
  z.object({ kind: z.literal('gather'), uuid: z.string() }),
  z.object({ kind: z.literal('waiting-for-lock'), uuid: z.string() }),
  z.object({ kind: z.literal('must-download'), count: z.number(), sizeBytes: z.number().nullable() }),
  /** One draw of the download bar (only on a terminal): bytes so far, rate and time left once shown. */
  z.object({
    kind: z.literal('progress'),
    percent: z.number(),
    bytes: z.number().nullable(),
    bytesPerSecond: z.number().nullable(),
    etaSeconds: z.number().nullable(),
  }),
  z.object({ kind: z.literal('downloaded'), uuid: z.string(), sizeBytes: z.number().nullable() }),
  z.object({ kind: z.literal('imported'), uuid: z.string(), name: z.string(), version: z.string() }),
  z.object({
    kind: z.literal('already-installed'),
    uuid: z.string(),
    name: z.string(),
    version: z.string(),
  }),
  z.object({ kind: z.literal('other'), line: z.string() }),
]);
export type ImageImportEvent = z.infer<typeof ImageImportEvent>;
