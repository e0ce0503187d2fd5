/**
 * imgadm(8) output (smartos-live src/img/lib/cli.js): `list -j` / `get` / `avail -j` JSON,
 * the `list` / `avail` tables (tabula: columns two blanks apart), `sources` in its three
 * forms, `sources -a|-d` and `delete` messages, and `import` stdout lines as progress events.
 */
import { z } from 'zod';

import {
  ImageInfo,
  ImageManifest,
  type ImageImportEvent,
  type ImageSource,
  type ImageSourceChange,
  type ImageTableRow,
} from '../model/image.js';
import { parseHumanSize } from './humanSize.js';
import { parseImgadmProgressBar } from './imgadmBar.js';
import { checked, outputLines, parseError, parseJson } from './parserSupport.js';
import { splitTable } from './textTable.js';

/** Columns of `imgadm list` / `avail` without -o. */
export const IMGADM_LIST_DEFAULT_FIELDS = ['uuid', 'name', 'version', 'os', 'type', 'pub'] as const;

/** `imgadm list -j`: installed images. */
export function parseImgadmListJson(stdout: string): ImageInfo[] {
  return checked(z.array(ImageInfo), parseJson(stdout, 'imgadm list -j'), 'imgadm list -j');
}

/** `imgadm get <uuid>`: one installed image. */
export function parseImgadmGet(stdout: string): ImageInfo {
  return checked(ImageInfo, parseJson(stdout, 'imgadm get'), 'imgadm get');
}

/**
 * `imgadm avail -j`: manifests available from the sources. imgadm prints
 * `[{manifest, source}]` (smartos-live src/img/lib/cli.js since 2013); a bare array of
 * manifests is read too.
 */
export function parseImgadmAvailJson(stdout: string): ImageManifest[] {
  const entries = checked(
    z.array(z.union([z.looseObject({ manifest: ImageManifest }), ImageManifest])),
    parseJson(stdout, 'imgadm avail -j'),
    'imgadm avail -j',
  );
  return entries.map((e) =>
    'manifest' in e && typeof e.manifest === 'object' ? (e.manifest as ImageManifest) : (e as ImageManifest),
  );
}

export interface ImgadmTableOptions {
  /** The `-o` columns when printed with -H (no header). Default: uuid,name,version,os,type,pub. */
  fields?: readonly string[];
}

/** `imgadm list` / `imgadm avail` tables, with or without header (-H). */
export function parseImgadmTable(stdout: string, opts: ImgadmTableOptions = {}): ImageTableRow[] {
  const lines = outputLines(stdout).filter((line) => line.trim() !== '');
  const first = lines[0];
  if (first === undefined) return [];
  const hasHeader = opts.fields === undefined && /^[A-Z_]+(?:\s+[A-Z_]+)*\s*$/.test(first);
  const fields = hasHeader
    ? first
        .trim()
        .split(/\s+/)
        .map((h) => h.toLowerCase())
    : [...(opts.fields ?? IMGADM_LIST_DEFAULT_FIELDS)];
  // without a header, a header line of the fields' names is what the columns line up with
  const header = hasHeader ? first : undefined;
  const body = hasHeader ? lines.slice(1) : lines;
  const rows = header
    ? splitTable(header, body, 'imgadm list')
    : body.map((line, i) => {
        const words = line.trim().split(/\s{2,}/);
        if (words.length !== fields.length) {
          throw parseError(`imgadm list line ${i + 1}: ${words.length} values for ${fields.length} columns`);
        }
        return words;
      });
  return rows.map((values) => {
    const row: ImageTableRow = {};
    fields.forEach((field, i) => {
      const value = values[i] ?? '';
      row[field] = value === '-' || value === '' ? null : value;
    });
    return row;
  });
}

const SourcesJson = z.array(
  z.looseObject({ url: z.string(), type: z.string().optional(), insecure: z.boolean().optional() }),
);

/** `imgadm sources` (one URL a line), `sources -v` (URL TYPE INSECURE) or `sources -j`. */
export function parseImgadmSources(stdout: string): ImageSource[] {
  const text = stdout.trim();
  if (text.startsWith('[')) {
    return checked(SourcesJson, parseJson(stdout, 'imgadm sources -j'), 'imgadm sources -j').map((s) => ({
      url: s.url,
      type: s.type ?? null,
      insecure: s.insecure === true,
    }));
  }
  const lines = outputLines(stdout).filter((line) => line.trim() !== '');
  const first = lines[0];
  if (first === undefined) return [];
  if (/^URL\s+TYPE\b/.test(first)) {
    const names = first.trim().split(/\s+/);
    return splitTable(first, lines.slice(1), 'imgadm sources -v').map((values) => {
      const get = (name: string): string => values[names.indexOf(name)] ?? '';
      return { url: get('URL'), type: get('TYPE') || null, insecure: get('INSECURE') === 'true' };
    });
  }
  return lines.map((line) => ({ url: line.trim(), type: null, insecure: false }));
}

/** `imgadm sources -a <url>` / `-d <url>`. */
export function parseImgadmSourcesChange(stdout: string): ImageSourceChange {
  const line = outputLines(stdout).find((l) => l.trim() !== '') ?? '';
  let m = /^(Added|Deleted)(?: "([^"]*)")? image source "(.*)"$/.exec(line);
  if (m) {
    return {
      action: m[1] === 'Added' ? 'added' : 'deleted',
      changed: true,
      type: m[2] ?? null,
      url: m[3] ?? '',
    };
  }
  m = /^Already have(?: "([^"]*)")? image source "(.*)", no change$/.exec(line);
  if (m) return { action: 'added', changed: false, type: m[1] ?? null, url: m[2] ?? '' };
  m = /^Do not have image source "(.*)", no change$/.exec(line);
  if (m) return { action: 'deleted', changed: false, type: null, url: m[1] ?? '' };
  throw parseError(`imgadm sources: unexpected output ${JSON.stringify(line)}`);
}

/** `imgadm delete <uuid>` → the uuid it deleted. */
export function parseImgadmDelete(stdout: string): { uuid: string } {
  const line = outputLines(stdout).find((l) => l.trim() !== '') ?? '';
  const m = /^Deleted image (\S+)$/.exec(line.trim());
  if (!m) throw parseError(`imgadm delete: unexpected output ${JSON.stringify(line)}`);
  return { uuid: m[1] ?? '' };
}

const IMPORT_LINES: readonly [RegExp, (m: RegExpExecArray) => ImageImportEvent][] = [
  [
    /^Importing (\S+) \((.+)@([^@)]+)\) from "(.*)"$/,
    (m) => ({ kind: 'importing', uuid: g(m, 1), name: g(m, 2), version: g(m, 3), source: g(m, 4) }),
  ],
  [/^Gather image (\S+) ancestry$/, (m) => ({ kind: 'gather', uuid: g(m, 1) })],
  [/^Waiting for image (\S+) import lock$/, (m) => ({ kind: 'waiting-for-lock', uuid: g(m, 1) })],
  [
    /^Must download and install (\d+) images? \((.+)\)$/,
    (m) => ({ kind: 'must-download', count: Number(g(m, 1)), sizeBytes: sizeOrNull(g(m, 2)) }),
  ],
  [
    /^Downloaded image (\S+) \((.+)\)$/,
    (m) => ({ kind: 'downloaded', uuid: g(m, 1), sizeBytes: sizeOrNull(g(m, 2)) }),
  ],
  [
    /^Imported image (\S+) \((.+)@([^@)]+)\)$/,
    (m) => ({ kind: 'imported', uuid: g(m, 1), name: g(m, 2), version: g(m, 3) }),
  ],
  [
    /^Image (\S+) \((.+) (\S+)\) is already installed, skipping$/,
    (m) => ({ kind: 'already-installed', uuid: g(m, 1), name: g(m, 2), version: g(m, 3) }),
  ],
];

function g(m: RegExpExecArray, i: number): string {
  return m[i] ?? '';
}

function sizeOrNull(text: string): number | null {
  try {
    return parseHumanSize(text);
  } catch {
    return null;
  }
}

/** One line of `imgadm import` output; a line it does not know is `{kind: 'other'}`. */
export function parseImgadmImportLine(line: string): ImageImportEvent | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  const bar = parseImgadmProgressBar(text);
  if (bar !== undefined) return { kind: 'progress', ...bar };
  for (const [re, make] of IMPORT_LINES) {
    const m = re.exec(text);
    if (m) return make(m);
  }
  return { kind: 'other', line: text };
}

/** Every event of an `imgadm import` output (lines end with LF or, for a redrawn bar, CR). */
export function parseImgadmImport(stdout: string): ImageImportEvent[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .map(parseImgadmImportLine)
    .filter((e): e is ImageImportEvent => e !== undefined);
}
