// What imgadm asks its sources (imgadm.js sourcesList / sourcesGetImportInfo, sources/imgapi.js):
// every source's image list for `avail` (an unreachable source is an error, reported after the
// others' images), and the first source holding an image for `import` / `show`.
import { hostSources, type SourceInfo } from '../../state/imgadmSources.js';
import { isJsonObject, jsString, type JsonObject } from '../../state/json.js';
import type { ImgadmContext } from './context.js';
import { ImgadmError, multiError, noSources } from './errors.js';
import { ClientFailure, getJson } from './imgapiClient.js';
import type { ImageInfo } from './rows.js';
import { prepareSource } from './sourceUrls.js';

function asImgadmError(err: unknown, source: SourceInfo, wrap: boolean): ImgadmError {
  if (err instanceof ImgadmError) return err;
  if (!(err instanceof ClientFailure)) throw err;
  if (!wrap) return err.toImgadmError();
  // Source._errorFromClientError: APIError for an IMGAPI error body, ClientError for a socket
  if (err.restCode !== undefined) return new ImgadmError(err.restCode, `${source.url}: ${err.message}`);
  return new ImgadmError('ClientError', `${source.url}: Error: ${err.message}`);
}

export async function configuredSources(ctx: ImgadmContext): Promise<SourceInfo[]> {
  return hostSources(ctx.layout());
}

/** `avail`: [{manifest, source}] from every source, first source winning for a uuid. */
export async function sourcesList(
  ctx: ImgadmContext,
): Promise<{ infos: ImageInfo[]; error: ImgadmError | undefined }> {
  const sources = (await configuredSources(ctx)).filter((s) => s.type !== 'docker');
  if (sources.length === 0) throw noSources();
  const errs: ImgadmError[] = [];
  const lists = await Promise.all(
    sources.map(async (s) => {
      try {
        await prepareSource(ctx.layout(), s.url);
        const list = await getJson(s.url, 'images');
        return Array.isArray(list) ? list.filter(isJsonObject) : [];
      } catch (err) {
        errs.push(asImgadmError(err, s, true));
        return [];
      }
    }),
  );
  const seen = new Set<string>();
  const infos: ImageInfo[] = [];
  lists.forEach((list, i) => {
    for (const manifest of list) {
      const uuid = jsString(manifest.uuid);
      if (seen.has(uuid)) continue;
      seen.add(uuid);
      infos.push({ manifest, source: sources[i]?.url ?? '' });
    }
  });
  return { infos, error: errs.length > 0 ? multiError(errs) : undefined };
}

/** The first source with image `uuid` (active only, unless `ensureActive` is false). */
export async function sourcesGetImportInfo(
  ctx: ImgadmContext,
  uuid: string,
  opts: { sources?: SourceInfo[]; ensureActive: boolean },
): Promise<{ manifest: JsonObject; source: SourceInfo } | undefined> {
  const sources = opts.sources ?? (await configuredSources(ctx));
  if (sources.length === 0) throw noSources();
  const errs: ImgadmError[] = [];
  let found: { manifest: JsonObject; source: SourceInfo } | undefined;
  for (const source of sources) {
    if (found !== undefined) break;
    try {
      await prepareSource(ctx.layout(), source.url);
      const manifest = await getJson(source.url, `images/${uuid}`);
      if (isJsonObject(manifest) && (!opts.ensureActive || manifest.state === 'active'))
        found = { manifest, source };
    } catch (err) {
      if (err instanceof ClientFailure && err.statusCode === 404) continue;
      errs.push(asImgadmError(err, source, false));
    }
  }
  if (errs.length > 0) throw multiError(errs);
  return found;
}
