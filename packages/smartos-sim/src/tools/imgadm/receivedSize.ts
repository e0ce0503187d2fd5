// How much an image's `zfs receive` puts into the pool. The simulated image server sends a file
// scaled down from the real one (imgapi/imageFile.ts) so that downloads take seconds; the pool
// gets what the real stream holds, as the seeded images do (seed/zfsSeed.ts imageDatasets):
//  - the real file's size: the catalog's for an image of the simulated servers, else the file's;
//  - logical bytes and lzjb compressibility per file byte: those of an installed image of the
//    same name (same build tooling, same content mix: base-64-lts 18.4.0 on the office host
//    holds about 7.95x its file at 2.45x), else the seed's rule (3x at 2.4).
import { catalog } from '../../imgapi/catalog.js';
import { listImages } from '../../state/imageStore.js';
import { isJsonObject, jsString, type JsonObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { getDataset, type ZfsState } from '../../state/zfsStore.js';

export interface ReceivedSize {
  logical: number;
  compressibility: number;
}

const DEFAULT_EXPANSION = 3;
const DEFAULT_COMPRESSIBILITY = 2.4;

function fileSize(manifest: JsonObject): number | undefined {
  const first = Array.isArray(manifest.files) ? manifest.files[0] : undefined;
  return isJsonObject(first) && typeof first.size === 'number' ? first.size : undefined;
}

/** Logical bytes per file byte and compressibility of an installed image's dataset. */
function shapeOf(z: ZfsState, zpool: string, manifest: JsonObject): ReceivedSize | undefined {
  const file = fileSize(manifest);
  const ds = getDataset(z, `${zpool}/${jsString(manifest.uuid)}`);
  if (file === undefined || file <= 0 || ds === undefined) return undefined;
  let lsize = 0;
  let psize = 0;
  for (const id of ds.blocks) {
    const g = z.groups[String(id)];
    if (g === undefined || g.meta === true) continue;
    lsize += g.lsize;
    psize += g.psize;
  }
  if (lsize === 0 || psize === 0) return undefined;
  return { logical: lsize / file, compressibility: lsize / psize };
}

/** What the pool receives for `manifest`, whose downloaded stream decompressed to `streamBytes`. */
export function receivedSize(
  layout: SimLayout,
  z: ZfsState,
  zpool: string,
  manifest: JsonObject,
  streamBytes: number,
): ReceivedSize {
  const uuid = jsString(manifest.uuid);
  const real = catalog.find((c) => c.manifest.uuid === uuid)?.realFileSize;
  if (real === undefined) return { logical: streamBytes, compressibility: DEFAULT_COMPRESSIBILITY };
  const sibling = listImages(layout)
    .filter((m) => m.name === manifest.name && m.uuid !== uuid && m.type === manifest.type)
    .map((m) => shapeOf(z, zpool, m))
    .find((s) => s !== undefined);
  return {
    logical: Math.round(real * (sibling?.logical ?? DEFAULT_EXPANSION)),
    compressibility: sibling?.compressibility ?? DEFAULT_COMPRESSIBILITY,
  };
}
