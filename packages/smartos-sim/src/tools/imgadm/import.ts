// `imgadm import [-q] [-P pool] [-S url]... <uuid>` (cli.js do_import, imgadm.js _importImage):
//
//   Importing <uuid> (<name>@<version>) from "<source>"          stdout
//   Gather image <uuid> ancestry                                  stdout
//   [Waiting for image <uuid> import lock]                        stdout, after 1 s of waiting
//   Must download and install 1 image (<size>)                    stdout
//   Download 1 image [====>   ]  42% ...                          stderr, only on a terminal
//   Downloaded image <uuid> (<size>)                              stdout (stderr after a bar)
//   Imported image <uuid> (<name>@<version>)                      stdout (stderr after a bar)
//
// Already installed: `Image <uuid> (<name> <version>) is already installed, skipping`.
// A failed download or install prints `Aborting (<message>)` on stdout, then the error.
import type { SourceInfo } from '../../state/imgadmSources.js';
import { isJsonObject, jsString, type JsonObject } from '../../state/json.js';
import type { ImgadmContext } from './context.js';
import { log } from './context.js';
import { downloadImageFile } from './download.js';
import { activeImageNotFound, imageNotActive, usageError } from './errors.js';
import { humanSizeFromBytes } from './humanSize.js';
import { acquireImportLock } from './importLock.js';
import { installImage } from './install.js';
import { getInstalledImage } from './installed.js';
import { DEFAULT_ZPOOL, oneArg, UUID_RE } from './installedCommands.js';
import { HELP, optBool, optString, parseOptions, type OptionSpec } from './options.js';
import { ProgressBar } from './progressBar.js';
import { sourcesGetImportInfo } from './sourceApi.js';

export const importOptions: readonly OptionSpec[] = [
  { names: ['channel', 'C'], type: 'string' },
  HELP,
  { names: ['quiet', 'q'], type: 'bool' },
  { names: ['P'], type: 'string' },
  { names: ['source', 'S'], type: 'arrayOfString' },
  { names: ['zstream'], type: 'bool' },
];

function fileOf(manifest: JsonObject): { size?: number; sha1?: string } {
  const files = Array.isArray(manifest.files) ? manifest.files : [];
  const first = files[0];
  if (!isJsonObject(first)) return {};
  const out: { size?: number; sha1?: string } = {};
  if (typeof first.size === 'number') out.size = first.size;
  if (typeof first.sha1 === 'string') out.sha1 = first.sha1;
  return out;
}

const title = (m: JsonObject): string => `${jsString(m.uuid)} (${jsString(m.name)}@${jsString(m.version)})`;

export async function importCommand(argv: readonly string[], ctx: ImgadmContext): Promise<void> {
  const p = parseOptions(importOptions, argv);
  const arg = oneArg(p.args);
  if (!UUID_RE.test(arg)) throw usageError(`invalid image-id arg: ${JSON.stringify(arg)}`);
  const zpool = optString(p, 'P') || DEFAULT_ZPOOL;
  const layout = ctx.layout();

  const installed = getInstalledImage(layout, zpool, arg);
  if (installed !== undefined) {
    const m = installed.manifest;
    const extra = m.name !== undefined ? ` (${jsString(m.name)} ${jsString(m.version)})` : '';
    log(ctx, `Image ${jsString(m.uuid)}${extra} is already installed, skipping`);
    return;
  }

  const given = p.opts.source;
  const sources: SourceInfo[] | undefined = Array.isArray(given)
    ? given.map((url) => ({ url, type: 'imgapi' }))
    : undefined;
  const found = await sourcesGetImportInfo(ctx, arg, {
    ensureActive: true,
    ...(sources !== undefined ? { sources } : {}),
  });
  if (found === undefined) throw activeImageNotFound(arg);
  const { manifest, source } = found;
  if (manifest.state !== 'active') throw imageNotActive(arg);

  log(ctx, `Importing ${title(manifest)} from "${source.url}"`);
  log(ctx, `Gather image ${arg} ancestry`);
  const release = await acquireImportLock(layout, arg, () =>
    log(ctx, `Waiting for image ${arg} import lock`),
  );
  try {
    const now = getInstalledImage(layout, zpool, arg);
    if (now !== undefined) {
      log(ctx, `Image ${title(now.manifest)} was imported while waiting on lock`);
      return;
    }
    await downloadAndInstall(ctx, { manifest, source, zpool, quiet: optBool(p, 'quiet') });
  } finally {
    release();
  }
}

async function downloadAndInstall(
  ctx: ImgadmContext,
  job: { manifest: JsonObject; source: SourceInfo; zpool: string; quiet: boolean },
): Promise<void> {
  const layout = ctx.layout();
  const uuid = jsString(job.manifest.uuid);
  const file = fileOf(job.manifest);
  if (file.size !== undefined)
    log(ctx, `Must download and install 1 image (${humanSizeFromBytes(file.size)})`);
  else log(ctx, 'Must download and install 1 image');
  const bar =
    !job.quiet && ctx.stderrTty !== undefined
      ? new ProgressBar({
          filename: 'Download 1 image',
          size: file.size ?? 1,
          columns: ctx.stderrTty.columns,
          term: ctx.env.TERM,
          write: ctx.stderr,
        })
      : undefined;
  const barLog = (line: string): void => (bar ? bar.log(line) : log(ctx, line));
  try {
    const dl = await downloadImageFile({
      layout,
      env: ctx.env,
      source: job.source.url,
      uuid,
      ...file,
      onData: (n) => bar?.advance(n),
    });
    barLog(`Downloaded image ${uuid} (${humanSizeFromBytes(dl.size)})`);
    bar?.end();
    await installImage({
      layout,
      env: ctx.env,
      manifest: job.manifest,
      zpool: job.zpool,
      source: job.source.url,
      filePath: dl.path,
    });
    barLog(`Imported image ${title(job.manifest)}`);
  } catch (err) {
    bar?.end({ nocomplete: true });
    const message = err instanceof Error ? err.message : String(err);
    log(ctx, `Aborting (${message})`);
    throw err;
  }
}
