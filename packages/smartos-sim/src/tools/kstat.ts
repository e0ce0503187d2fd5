// The simulated `kstat` (illumos kstat(8)), for the ZFS ARC: `kstat -p zfs:0:arcstats[:stat]`
// prints `module:instance:name:statistic<TAB>value` for every match, sorted by statistic
// (class, crtime and snaptime among them); without -p the block format. Exit 0 when
// something matched, 1 when nothing did, 2 on a usage error.
import type { SimLayout } from '../state/layout.js';
import { arcStats, arcTimes } from '../state/zfsArc.js';
import { simSpeed } from '../state/zfsPool.js';
import { readZfs } from '../state/zfsStore.js';
import { ToolOutput, type ToolResult } from './toolResult.js';
import { getopt } from './zfs/getopt.js';

const USAGE = [
  'Usage:',
  'kstat [ -Cjlpq ] [ -T d|u ] [ -c class ]',
  '      [ -m module ] [ -i instance ] [ -n name ] [ -s statistic ]',
  '      [ interval [ count ] ]',
  'kstat [ -Cjlpq ] [ -T d|u ] [ -c class ]',
  '      [ module:instance:name:statistic ... ]',
  '      [ interval [ count ] ]',
];

interface Spec {
  module: string;
  instance: string;
  name: string;
  statistic: string;
}

function globToRegExp(glob: string): RegExp {
  if (glob.length > 2 && glob.startsWith('/') && glob.endsWith('/')) return new RegExp(glob.slice(1, -1));
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

function matches(pattern: string, value: string): boolean {
  return pattern === '' || pattern === '*' || globToRegExp(pattern).test(value);
}

export interface KstatDeps {
  layout: () => SimLayout;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

export function kstat(argv: readonly string[], deps: KstatDeps): ToolResult {
  const out = new ToolOutput();
  const g = getopt(argv, 'Cjlpqc:i:m:n:s:T:');
  if (g.error !== undefined) {
    out.error(
      g.error.kind === 'invalid'
        ? `kstat: illegal option -- ${g.error.flag}`
        : `kstat: option requires an argument -- ${g.error.flag}`,
    );
    for (const l of USAGE) out.error(l);
    return out.result(2);
  }
  const opt = (f: string): string | undefined => g.opts.findLast((o) => o.flag === f)?.arg;
  const parsable = g.opts.some((o) => o.flag === 'p');
  const quiet = g.opts.some((o) => o.flag === 'q');
  const namesOnly = g.opts.some((o) => o.flag === 'l');
  const operands = g.operands.filter((a) => !/^\d+$/.test(a));
  const specs: Spec[] =
    operands.length > 0
      ? operands.map((a) => {
          const [module = '', instance = '', name = '', statistic = ''] = a.split(':');
          return { module, instance, name, statistic };
        })
      : [
          {
            module: opt('m') ?? '',
            instance: opt('i') ?? '',
            name: opt('n') ?? '',
            statistic: opt('s') ?? '',
          },
        ];
  const classWanted = opt('c');

  const nowMs = (deps.now ?? Date.now)();
  const speed = simSpeed(deps.env ?? process.env);
  const arc = readZfs(deps.layout()).arc;
  const values = new Map<string, string>();
  for (const [k, v] of arcStats(arc, nowMs, speed)) values.set(k, String(v));
  const times = arcTimes(arc, nowMs, speed);
  values.set('class', 'misc');
  values.set('crtime', times.crtime);
  values.set('snaptime', times.snaptime);

  const picked = new Set<string>();
  if (classWanted === undefined || matches(classWanted, 'misc')) {
    for (const s of specs) {
      if (!matches(s.module, 'zfs') || !matches(s.instance, '0') || !matches(s.name, 'arcstats')) continue;
      for (const stat of values.keys()) if (matches(s.statistic, stat)) picked.add(stat);
    }
  }
  const sorted = [...picked].sort();
  if (sorted.length === 0) return out.result(1);
  if (quiet) return out.result(0);
  if (namesOnly) {
    for (const stat of sorted) out.log(`zfs:0:arcstats:${stat}`);
  } else if (parsable) {
    for (const stat of sorted) out.log(`zfs:0:arcstats:${stat}\t${values.get(stat) ?? ''}`);
  } else {
    out.log(`module: ${'zfs'.padEnd(30)}  instance: ${'0'.padEnd(6)}`);
    out.log(`name:   ${'arcstats'.padEnd(30)}  class:    misc`);
    for (const stat of sorted)
      if (stat !== 'class') out.log(`\t${stat.padEnd(30)}  ${values.get(stat) ?? ''}`);
    out.log('');
  }
  return out.result(0);
}
