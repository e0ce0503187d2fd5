// `imgadm sources [-v|-j] | -a <url> [-t type] [-k] [-f] | -d <url> | -c` (cli.js do_sources,
// imgadm.js configAddSource / configDelSourceUrl). A new source is ping-checked (GET /ping)
// unless -f; the simulated host has no internet, so only loopback URLs are checked and others
// are added as given (fetching from them then fails as unreachable).
import { pingImgapi } from '../../imgapi/ping.js';
import { hostSources, writeSources, type SourceInfo } from '../../state/imgadmSources.js';
import type { JsonObject } from '../../state/json.js';
import type { ImgadmContext } from './context.js';
import { log } from './context.js';
import { ImgadmError, sourcePingError, usageError } from './errors.js';
import { isLoopbackUrl } from './imgapiClient.js';
import { HELP, optBool, optString, parseOptions, type OptionSpec } from './options.js';
import { normUrl, prepareSource, sourceString } from './sourceUrls.js';
import { tabula } from './tabula.js';

export const sourcesOptions: readonly OptionSpec[] = [
  HELP,
  { names: ['verbose', 'v'], type: 'bool' },
  { names: ['json', 'j'], type: 'bool' },
  { names: ['a'], type: 'string' },
  { names: ['add-docker-hub'], type: 'bool' },
  { names: ['d'], type: 'string' },
  { names: ['e'], type: 'bool' },
  { names: ['check', 'c'], type: 'bool' },
  { names: ['type', 't'], type: 'string', default: 'imgapi' },
  { names: ['insecure', 'k'], type: 'bool' },
  { names: ['force', 'f'], type: 'bool' },
];

function sourceJson(s: SourceInfo): JsonObject {
  const out: JsonObject = { url: s.url, type: s.type };
  if (s.insecure !== undefined) out.insecure = s.insecure;
  return out;
}

async function ping(ctx: ImgadmContext, s: SourceInfo): Promise<boolean> {
  await prepareSource(ctx.layout(), s.url);
  return pingImgapi(s.url.replace(/\/$/, ''), 5000);
}

export async function sourcesCommand(argv: readonly string[], ctx: ImgadmContext): Promise<void> {
  const p = parseOptions(sourcesOptions, argv);
  if (p.args.length > 0) throw usageError(`unexpected args: ${p.args.join(' ')}`);
  let add = optString(p, 'a');
  let type = optString(p, 'type') ?? 'imgapi';
  if (optBool(p, 'add-docker-hub')) {
    add = 'https://docker.io';
    type = 'docker';
  }
  const del = optString(p, 'd');
  const actions = [optBool(p, 'e'), add !== undefined, del !== undefined, optBool(p, 'check')];
  if (actions.filter(Boolean).length > 1)
    throw usageError('cannot specify more than one of "-a", "-d", "-e", and "-c"');
  const layout = ctx.layout();
  const sources = await hostSources(layout);

  if (optBool(p, 'e'))
    throw new ImgadmError('NotSupported', 'editing sources needs an editor: use "-a" and "-d"');

  if (add !== undefined) {
    const wanted: SourceInfo = { url: add, type };
    if (optBool(p, 'insecure')) wanted.insecure = true;
    const have = sources.find(
      (s) => normUrl(s.url) === normUrl(add) && s.type === type && s.insecure === wanted.insecure,
    );
    if (have !== undefined) {
      log(ctx, `Already have ${sourceString(have)}, no change`);
      return;
    }
    if (
      !optBool(p, 'force') &&
      type === 'imgapi' &&
      isLoopbackUrl(normUrl(add)) &&
      !(await ping(ctx, wanted))
    )
      throw sourcePingError(type, add, `Error: connect ECONNREFUSED ${new URL(normUrl(add)).host}`);
    writeSources(layout, [...sources, wanted]);
    log(ctx, `Added ${sourceString(wanted)}`);
    return;
  }

  if (del !== undefined) {
    const deleted = sources.filter((s) => normUrl(s.url) === normUrl(del));
    if (deleted.length === 0) {
      log(ctx, `Do not have image source "${del}", no change`);
      return;
    }
    writeSources(
      layout,
      sources.filter((s) => normUrl(s.url) !== normUrl(del)),
    );
    for (const s of deleted) log(ctx, `Deleted ${sourceString(s)}`);
    return;
  }

  if (optBool(p, 'check')) {
    const rows = await Promise.all(
      sources.map(async (s) => {
        const ok = isLoopbackUrl(normUrl(s.url)) && (await ping(ctx, s));
        const row: JsonObject = { url: s.url, type: s.type, ok };
        if (!ok) row.error = sourcePingError(s.type, s.url).message;
        return row;
      }),
    );
    ctx.stdout(tabula(rows, { columns: ['url', 'type', 'ok', 'error'] }));
    return;
  }

  if (optBool(p, 'json')) log(ctx, JSON.stringify(sources.map(sourceJson), null, 2));
  else if (optBool(p, 'verbose'))
    ctx.stdout(tabula(sources.map(sourceJson), { columns: ['url', 'type', 'insecure'] }));
  else for (const s of sources) log(ctx, s.url);
}
