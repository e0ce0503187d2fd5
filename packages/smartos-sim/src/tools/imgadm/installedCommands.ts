// `imgadm get [-P pool] [-r] <uuid>`, `imgadm delete [-P pool] <uuid>` (cli.js do_get /
// do_delete, imgadm.js getImage / deleteImage) and `imgadm show <uuid>` (a source's manifest).
import { existsSync } from 'node:fs';

import { deleteImage } from '../../state/imageStore.js';
import { withLock } from '../../state/lock.js';
import { destroy, readZfs, writeZfs, ZfsError, zfsFile } from '../../state/zfsStore.js';
import type { ImgadmContext } from './context.js';
import { log } from './context.js';
import {
  imageHasDependentClones,
  imageNotFound,
  imageNotInstalled,
  ImgadmError,
  invalidUuid,
  usageError,
} from './errors.js';
import { getInstalledImage } from './installed.js';
import { HELP, optBool, optString, parseOptions, type OptionSpec } from './options.js';
import { sourcesGetImportInfo } from './sourceApi.js';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const DEFAULT_ZPOOL = 'zones';

const P: OptionSpec = { names: ['P'], type: 'string' };

/** The single operand, or the usage error cli.js gives. */
export function oneArg(args: readonly string[]): string {
  if (args.length !== 1) throw usageError(`incorrect number of args (${args.length}): "${args.join(' ')}"`);
  return args[0] ?? '';
}

function uuidArg(args: readonly string[]): string {
  const uuid = oneArg(args);
  if (!UUID_RE.test(uuid)) throw invalidUuid(uuid);
  return uuid;
}

export function getCommand(argv: readonly string[], ctx: ImgadmContext): void {
  const p = parseOptions([HELP, P, { names: ['r'], type: 'bool' }], argv);
  const uuid = uuidArg(p.args);
  const zpool = optString(p, 'P') || DEFAULT_ZPOOL;
  const info = getInstalledImage(ctx.layout(), zpool, uuid, optBool(p, 'r'));
  if (info === undefined) throw imageNotInstalled(zpool, uuid);
  log(ctx, JSON.stringify(info, null, 2));
}

export async function deleteCommand(argv: readonly string[], ctx: ImgadmContext): Promise<void> {
  const p = parseOptions([HELP, P], argv);
  const uuid = uuidArg(p.args);
  const zpool = optString(p, 'P') || DEFAULT_ZPOOL;
  const layout = ctx.layout();
  await withLock(layout.lockFile, () => {
    const info = getInstalledImage(layout, zpool, uuid, true);
    if (info === undefined) throw imageNotInstalled(zpool, uuid);
    const children = info.children as { clones?: string[] } | undefined;
    const clones = children?.clones ?? [];
    if (clones.length > 0) throw imageHasDependentClones(uuid, clones);
    if (existsSync(zfsFile(layout))) {
      const z = readZfs(layout);
      try {
        destroy(z, `${zpool}/${uuid}`, { recursive: true });
      } catch (err) {
        if (!(err instanceof ZfsError)) throw err;
        throw new ImgadmError('InternalError', `error deleting image "${uuid}": ${err.lines[0] ?? ''}`);
      }
      writeZfs(layout, z);
    }
    deleteImage(layout, uuid);
  });
  log(ctx, `Deleted image ${uuid}`);
}

export async function showCommand(argv: readonly string[], ctx: ImgadmContext): Promise<void> {
  const p = parseOptions([HELP], argv);
  const arg = oneArg(p.args);
  const found = UUID_RE.test(arg) ? await sourcesGetImportInfo(ctx, arg, { ensureActive: false }) : undefined;
  if (found === undefined) throw imageNotFound(arg);
  log(ctx, JSON.stringify(found.manifest, null, 2));
}
