/**
 * `kstat -p [module:instance:name:statistic ...]`: one statistic a line,
 * `module:instance:name:statistic<TAB>value`; ARC statistics typed from zfs:0:arcstats.
 */
import type { ArcStats, KstatEntry } from '../model/kstat.js';
import { outputLines, parseError } from './parserSupport.js';

export function parseKstat(stdout: string): KstatEntry[] {
  return outputLines(stdout)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const tab = line.indexOf('\t');
      if (tab < 0) throw parseError(`kstat -p line ${i + 1}: no tab`);
      const key = line.slice(0, tab);
      // module and name hold no ':'; a statistic name may (rarely): keep the rest together
      const m = /^([^:]*):(\d+):([^:]*):(.*)$/.exec(key);
      if (!m) throw parseError(`kstat -p line ${i + 1}: cannot read ${JSON.stringify(key)}`);
      return {
        module: m[1] ?? '',
        instance: Number(m[2]),
        name: m[3] ?? '',
        statistic: m[4] ?? '',
        value: line.slice(tab + 1),
      };
    });
}

/** `module:instance:name:statistic` → value. */
export function kstatMap(entries: readonly KstatEntry[]): Map<string, string> {
  return new Map(entries.map((e) => [`${e.module}:${e.instance}:${e.name}:${e.statistic}`, e.value]));
}

const ARC_FIELDS: Readonly<Record<string, keyof ArcStats>> = {
  size: 'size',
  c: 'c',
  c_min: 'cMin',
  c_max: 'cMax',
  hits: 'hits',
  misses: 'misses',
  demand_data_hits: 'demandDataHits',
  demand_data_misses: 'demandDataMisses',
  mru_size: 'mruSize',
  mfu_size: 'mfuSize',
  l2_size: 'l2Size',
  l2_hits: 'l2Hits',
  l2_misses: 'l2Misses',
};

/** The ARC statistics among `kstat -p` lines (module zfs, name arcstats); others are ignored. */
export function parseArcStats(stdout: string): ArcStats {
  const stats: ArcStats = {};
  for (const e of parseKstat(stdout)) {
    if (e.module !== 'zfs' || e.name !== 'arcstats') continue;
    const key = Object.hasOwn(ARC_FIELDS, e.statistic) ? ARC_FIELDS[e.statistic] : undefined;
    if (key === undefined) continue;
    if (!/^\d+$/.test(e.value)) throw parseError(`kstat arcstats ${e.statistic}: not a number: ${e.value}`);
    stats[key] = Number(e.value);
  }
  return stats;
}
