import { z } from 'zod';

import { HostId } from './common.js';

// What the driver reads from a host, re-exported so the web app imports one place.
export {
  ArcStats,
  ImageImportEvent,
  ImageInfo,
  ImageManifest,
  ImageSource,
  NicTag,
  PhysLink,
  PoolListEntry,
  PoolStatus,
  SmfExplanation,
  SmfService,
  Vnic,
  VmSpec,
  NicSpec,
  DiskSpec,
  ZfsDataset,
} from '@zonedeck/smartos/model';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const ImageTarget = z.object({
  hostId: HostId,
  uuid: z.string().regex(uuidPattern, 'uuid: not an image uuid'),
});
export const PoolTarget = z.object({
  hostId: HostId,
  pool: z.string().regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,254}$/, 'pool: not a pool name'),
});
export const SourceInput = z.object({
  hostId: HostId,
  url: z.url({ protocol: /^https?$/, message: 'url: an http or https URL' }).max(2048),
});
export const ServiceTarget = z.object({
  hostId: HostId,
  fmri: z
    .string()
    .max(512)
    .regex(/^svc:\/[A-Za-z0-9_./:-]+$/, 'fmri: a service FMRI such as svc:/network/ssh:default'),
});

/** The full `vmadm get` object: typed where the console reads it, every other property kept. */
export const VmDetail = z.looseObject({
  uuid: z.string(),
  brand: z.string(),
  state: z.string(),
  alias: z.string().optional(),
});
export type VmDetail = z.infer<typeof VmDetail>;

/** Raw vmadm properties an admin adds to a create or an update; vmadm validates them. */
export const RawProperties = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, 'property names are lower-case vmadm properties'),
  z.unknown(),
);
