// `imgadm list` and `imgadm avail` (cli.js do_list / do_avail / listImagesInfo): a tabula table
// (default columns uuid,name,version,os,type,pub, sorted by published_at,name) or, with -j, the
// imageInfo objects as JSON. The JSON is sorted the same way: the fixtures' host lists its
// images in published order (imgadm itself prints -j in `zfs list` order).
import type { ImgadmContext } from './context.js';
import { log } from './context.js';
import { loadInstalledImages } from './installed.js';
import { HELP, optBool, optString, parseOptions, type OptionSpec } from './options.js';
import { filterImagesInfo, filtersFromArgs, rowFromImageInfo, type ImageInfo } from './rows.js';
import { sourcesList } from './sourceApi.js';
import { sortRows, tabula, type Row } from './tabula.js';

const DEFAULT_COLUMNS = 'uuid,name,version,os,type,pub';
const DEFAULT_SORT = 'published_at,name';

export const listOptions: readonly OptionSpec[] = [
  HELP,
  { names: ['json', 'j'], type: 'bool' },
  { names: ['H'], type: 'bool' },
  { names: ['o'], type: 'string', default: DEFAULT_COLUMNS },
  { names: ['s'], type: 'string', default: DEFAULT_SORT },
  { names: ['docker'], type: 'bool' },
];

const splitList = (text: string): string[] => text.trim().split(/\s*,\s*/);

function printInfos(ctx: ImgadmContext, infos: ImageInfo[], p: ReturnType<typeof parseOptions>): void {
  const sort = splitList(optString(p, 's') ?? DEFAULT_SORT);
  if (optBool(p, 'json')) {
    // sort on copies of the rows: the printed manifests stay as they are
    const keyed: Row[] = infos.map((info, i) => ({
      ...rowFromImageInfo({ ...info, manifest: { ...info.manifest } }),
      __i: i,
    }));
    const rows = sortRows(keyed, sort);
    log(
      ctx,
      JSON.stringify(
        rows.map((r) => infos[Number(r.__i)]),
        null,
        2,
      ),
    );
    return;
  }
  const rows: Row[] = infos.map(rowFromImageInfo);
  ctx.stdout(
    tabula(rows, {
      columns: splitList(optString(p, 'o') ?? DEFAULT_COLUMNS),
      sort,
      skipHeader: optBool(p, 'H'),
    }),
  );
}

export function listCommand(argv: readonly string[], ctx: ImgadmContext): void {
  const p = parseOptions(listOptions, argv);
  const filters = filtersFromArgs(p.args);
  if (optBool(p, 'docker')) filters.type = 'docker';
  const infos = filterImagesInfo(loadInstalledImages(ctx.layout()), filters);
  printInfos(ctx, infos, p);
}

export async function availCommand(argv: readonly string[], ctx: ImgadmContext): Promise<void> {
  const p = parseOptions(
    listOptions.filter((o) => o.names[0] !== 'docker'),
    argv,
  );
  const filters = filtersFromArgs(p.args);
  const { infos, error } = await sourcesList(ctx);
  printInfos(ctx, filterImagesInfo(infos, filters), p);
  if (error !== undefined) throw error;
}
