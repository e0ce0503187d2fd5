/**
 * Numbers as zfs, zpool and imgadm print them: zfs_nicenum sizes (`1.37G`, `96.0K`, `500G`,
 * `0`; OpenZFS adds `B`), imgadm sizes (`38.0 MiB`), ratios (`1.37x`) and percents (`21%`).
 * All size suffixes are powers of 1024, as zfs_nicenum and imgadm use them.
 */
import { parseError } from './parserSupport.js';

const SUFFIXES = 'BKMGTPEZ';
const SIZE = /^(\d+(?:\.\d+)?)\s*([KMGTPEZ]?)(?:i?B)?$/i;

/** True for the words the tools print where a number is absent (`-`, `none`, empty). */
export function isAbsent(text: string): boolean {
  const t = text.trim();
  return t === '' || t === '-' || t === 'none';
}

/** `1.37G` → 1471026299 (rounded), `0` → 0, `-` → null. Throws a ParseError on anything else. */
export function parseHumanSize(text: string): number | null {
  if (isAbsent(text)) return null;
  const m = SIZE.exec(text.trim());
  if (!m) throw parseError(`not a size: ${JSON.stringify(text)}`);
  const exponent = SUFFIXES.indexOf((m[2] ?? '').toUpperCase() || 'B');
  return Math.round(Number(m[1]) * 1024 ** exponent);
}

/** `1.37x` (with or without the x) → 1.37; `-` → null. */
export function parseRatio(text: string): number | null {
  if (isAbsent(text)) return null;
  const m = /^(\d+(?:\.\d+)?)x?$/.exec(text.trim());
  if (!m) throw parseError(`not a ratio: ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** `21%` (with or without the %) → 21; `-` → null. */
export function parsePercent(text: string): number | null {
  if (isAbsent(text)) return null;
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  if (!m) throw parseError(`not a percentage: ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** A whole number as printed (`12`, `0`); `-` → null. */
export function parseCount(text: string): number | null {
  if (isAbsent(text)) return null;
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  // zpool prints large error counts and DDT block counts with zfs_nicenum (`1.2K`)
  return parseHumanSize(t);
}
