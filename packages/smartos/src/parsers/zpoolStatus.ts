/**
 * `zpool status [-v] [-D] [pool ...]` (illumos zpool_main.c status_callback): per pool,
 * `key: value` sections (pool, state, status, action, see, scan, config, errors, dedup)
 * whose continuation lines are indented, the config block as a device tree, and with -D the
 * dedup table and its histogram.
 */
import type { PoolScan, PoolStatus, PoolVdev } from '../model/zpool.js';
import { parseCount, parseHumanSize } from './humanSize.js';
import { outputLines, parseError } from './parserSupport.js';
import { parseDedupSection } from './zpoolDedup.js';

const SECTION = /^\s*([a-z]+):(?: (.*))?$/;
const KNOWN = new Set([
  'pool',
  'id',
  'state',
  'status',
  'action',
  'see',
  'scan',
  'remove',
  'checkpoint',
  'config',
  'errors',
  'dedup',
  'comment',
]);

/** Every pool in the output, in order. */
export function parseZpoolStatus(stdout: string): PoolStatus[] {
  const pools: Map<string, string[]>[] = [];
  let current: Map<string, string[]> | undefined;
  let key = '';
  for (const line of outputLines(stdout)) {
    const m = SECTION.exec(line);
    const name = m?.[1];
    // `errors:` inside config never happens; a key is only a known word at the left margin
    if (m && name && KNOWN.has(name) && !line.startsWith('\t')) {
      if (name === 'pool') {
        current = new Map();
        pools.push(current);
      }
      if (!current) throw parseError('zpool status: output does not start with "pool:"');
      key = name;
      current.set(key, [m[2] ?? '']);
      continue;
    }
    current?.get(key)?.push(line);
  }
  if (pools.length === 0 && stdout.trim() !== '' && !/^no pools available/.test(stdout.trim())) {
    throw parseError('zpool status: no "pool:" line');
  }
  return pools.map(toPoolStatus);
}

function toPoolStatus(sections: Map<string, string[]>): PoolStatus {
  const text = (key: string): string | null => {
    const lines = sections.get(key);
    if (!lines) return null;
    const joined = lines
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n');
    return joined === '' ? null : joined;
  };
  const pool = text('pool');
  const state = text('state');
  if (pool === null || state === null) throw parseError('zpool status: a pool without pool: or state:');
  return {
    pool,
    state,
    status: text('status')?.replace(/\n/g, ' ') ?? null,
    action: text('action')?.replace(/\n/g, ' ') ?? null,
    see: text('see'),
    scan: parseScan(sections.get('scan') ?? []),
    config: parseConfig(sections.get('config') ?? []),
    errors: text('errors'),
    ddt: sections.has('dedup') ? parseDedupSection(sections.get('dedup') ?? []) : null,
  };
}

/** `0 days 01:12:45`, `01:12:45`, `1h12m` / `0h42m` (pre-2019 illumos) → seconds. */
export function parseScanDuration(text: string): number | null {
  const t = text.trim();
  let m = /^(?:(\d+) days? )?(\d+):(\d{2}):(\d{2})$/.exec(t);
  if (m) return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (m && t !== '') return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return null;
}

function operationOf(word: string): 'scrub' | 'resilver' {
  return word.startsWith('resilver') ? 'resilver' : 'scrub';
}

function parseScan(lines: readonly string[]): PoolScan {
  const [first = '', ...rest] = lines.map((l) => l.trim()).filter((l) => l !== '');
  let m: RegExpExecArray | null;
  if (first === '' || first === 'none requested') return { kind: 'none' };
  m = /^(scrub repaired|resilvered) (\S+) in (.+?) with (\d+) errors? on (.+)$/.exec(first);
  if (m) {
    const duration = parseScanDuration(m[3] ?? '');
    if (duration !== null) {
      return {
        kind: 'finished',
        operation: operationOf(m[1] ?? ''),
        repairedBytes: parseHumanSize(m[2] ?? ''),
        durationSeconds: duration,
        errors: Number(m[4]),
        at: m[5] ?? '',
      };
    }
  }
  m = /^(scrub|resilver) (?:canceled|cancelled) on (.+)$/.exec(first);
  if (m) return { kind: 'canceled', operation: operationOf(m[1] ?? ''), at: m[2] ?? '' };
  m = /^(scrub|resilver) paused since (.+)$/.exec(first);
  if (m) {
    const started = rest.map((l) => /^(?:scrub|resilver) started on (.+)$/.exec(l)?.[1]).find(Boolean);
    return {
      kind: 'paused',
      operation: operationOf(m[1] ?? ''),
      since: m[2] ?? '',
      startedAt: started ?? null,
    };
  }
  m = /^(scrub|resilver) in progress since (.+)$/.exec(first);
  if (m)
    return { kind: 'in-progress', operation: operationOf(m[1] ?? ''), since: m[2] ?? '', ...progress(rest) };
  return { kind: 'unknown', text: [first, ...rest].join('\n') };
}

interface Progress {
  scannedBytes: number | null;
  issuedBytes: number | null;
  totalBytes: number | null;
  repairedBytes: number | null;
  percentDone: number | null;
  etaSeconds: number | null;
}

/** The progress lines under `scrub in progress since ...`, in the illumos 2019+ and older forms. */
function progress(lines: readonly string[]): Progress {
  const out: Progress = {
    scannedBytes: null,
    issuedBytes: null,
    totalBytes: null,
    repairedBytes: null,
    percentDone: null,
    etaSeconds: null,
  };
  const text = lines.join(', ');
  const size = (re: RegExp): number | null => {
    const v = re.exec(text)?.[1];
    return v === undefined ? null : parseHumanSize(v);
  };
  out.scannedBytes = size(/(?:^|, )(\S+) scanned\b/);
  out.issuedBytes = size(/(?:^|, )(\S+) issued\b/);
  out.totalBytes = size(/(\S+) total\b/) ?? size(/scanned out of (\S+)/);
  out.repairedBytes = size(/(?:^|, )(\S+) (?:repaired|resilvered)\b/);
  const percent = /([\d.]+)% done/.exec(text)?.[1];
  out.percentDone = percent === undefined ? null : Number(percent);
  const eta = /(?:^|, )([^,]+?) to go\b/.exec(text)?.[1];
  out.etaSeconds = eta === undefined ? null : parseScanDuration(eta);
  return out;
}

/**
 * The config block: a header `NAME STATE READ WRITE CKSUM`, then one line per device, each
 * level indented two more blanks than its parent (all lines start with a tab).
 */
function parseConfig(lines: readonly string[]): PoolVdev[] {
  const rows = lines.filter((l) => l.trim() !== '').map((l) => l.replace(/^\t/, ''));
  const headerAt = rows.findIndex((l) => /^\s*NAME\s+STATE\b/.test(l));
  if (headerAt < 0) return [];
  const header = rows[headerAt] ?? '';
  const base = header.length - header.trimStart().length;
  const roots: PoolVdev[] = [];
  const stack: { indent: number; node: PoolVdev }[] = [];
  for (const row of rows.slice(headerAt + 1)) {
    const indent = row.length - row.trimStart().length - base;
    const words = row.trim().split(/\s+/);
    const counts = words.slice(2, 5);
    const hasCounts = counts.length === 3 && counts.every((w) => /^\d+(?:\.\d+)?[KMGTPE]?$/.test(w));
    const node: PoolVdev = {
      name: words[0] ?? '',
      state: words[1] ?? null,
      read: hasCounts ? parseCount(counts[0] ?? '') : null,
      write: hasCounts ? parseCount(counts[1] ?? '') : null,
      cksum: hasCounts ? parseCount(counts[2] ?? '') : null,
      message: null,
      children: [],
    };
    const tail = words.slice(hasCounts ? 5 : 2).join(' ');
    if (tail !== '') node.message = tail;
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ indent, node });
  }
  return roots;
}
