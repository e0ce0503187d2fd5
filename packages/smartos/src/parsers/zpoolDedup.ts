/**
 * The `dedup:` section of `zpool status -D`: `DDT entries N, size N on disk, N in core`
 * and the histogram (bucket, then blocks/LSIZE/PSIZE/DSIZE allocated and referenced).
 */
import type { DdtBlocks, DedupTable } from '../model/zpool.js';
import { parseCount, parseHumanSize } from './humanSize.js';
import { parseError } from './parserSupport.js';

function blocks(words: readonly string[]): DdtBlocks {
  const [b = '', l = '', p = '', d = ''] = words;
  return {
    blocks: parseCount(b) ?? 0,
    lsizeBytes: parseHumanSize(l) ?? 0,
    psizeBytes: parseHumanSize(p) ?? 0,
    dsizeBytes: parseHumanSize(d) ?? 0,
  };
}

export function parseDedupSection(lines: readonly string[]): DedupTable {
  const text = lines.map((l) => l.trim()).filter((l) => l !== '');
  const first = text[0] ?? '';
  const table: DedupTable = { entries: 0, sizeOnDisk: 0, sizeInCore: 0, histogram: [], total: null };
  if (/^no DDT entries/.test(first)) return table;
  const m = /DDT entries (\d+), size (\S+) on disk, (\S+) in core/.exec(first);
  if (!m) throw parseError(`zpool status -D: cannot read ${JSON.stringify(first)}`);
  table.entries = Number(m[1]);
  table.sizeOnDisk = parseHumanSize(m[2] ?? '') ?? 0;
  table.sizeInCore = parseHumanSize(m[3] ?? '') ?? 0;
  for (const line of text.slice(1)) {
    const words = line.split(/\s+/);
    if (words.length !== 9) continue;
    const [bucket = '', ...rest] = words;
    if (bucket === 'Total') {
      table.total = { allocated: blocks(rest.slice(0, 4)), referenced: blocks(rest.slice(4)) };
    } else if (/^\d+(?:\.\d+)?[KMGTPE]?$/.test(bucket)) {
      table.histogram.push({
        refcnt: parseCount(bucket) ?? 0,
        allocated: blocks(rest.slice(0, 4)),
        referenced: blocks(rest.slice(4)),
      });
    }
  }
  return table;
}
