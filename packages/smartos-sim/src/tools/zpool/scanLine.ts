// The `scan:` lines of zpool status (illumos print_scan_status).
import { scanProgress } from '../../state/zfsPool.js';
import type { ScanRecord } from '../../state/zfsStore.js';
import { ctimeText, nicenum } from '../zfs/format.js';

function dhms(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${Math.floor(s / 86400)} days ${p2(Math.floor((s % 86400) / 3600))}:${p2(Math.floor((s % 3600) / 60))}:${p2(s % 60)}`;
}

/** The lines after `  scan: ` (continuations start with a TAB). */
export function scanLines(scan: ScanRecord | null, nowMs: number, speed: number): string[] {
  if (scan === null) return ['none requested'];
  const p = scanProgress(scan, nowMs, speed);
  const sec = (ms: number): number => Math.floor(ms / 1000);
  if (p.phase === 'canceled') return [`${scan.func} canceled on ${ctimeText(sec(p.endMs))}`];
  if (p.phase === 'finished') {
    const what = scan.func === 'scrub' ? 'scrub repaired' : 'resilvered';
    return [`${what} 0 in ${dhms(p.seconds)} with ${p.errors} errors on ${ctimeText(sec(p.endMs))}`];
  }
  const elapsed = Math.max(1, p.elapsed);
  const scanRate = p.scanned / elapsed;
  const issueRate = p.issued / elapsed;
  const pct = ((100 * p.issued) / Math.max(1, p.total)).toFixed(2);
  const togo =
    issueRate >= 10 * 1024 * 1024 ? `, ${dhms(p.secondsLeft)} to go` : ', no estimated completion time';
  return [
    `${scan.func} in progress since ${ctimeText(sec(p.startMs))}`,
    `\t${nicenum(p.scanned)} scanned at ${nicenum(scanRate)}/s, ${nicenum(p.issued)} issued at ${nicenum(issueRate)}/s, ${nicenum(p.total)} total`,
    `\t0 ${scan.func === 'scrub' ? 'repaired' : 'resilvered'}, ${pct}% done${togo}`,
  ];
}
