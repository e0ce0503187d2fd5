/**
 * `nictagadm list` (smartos-live src/nictagadm): the table (`%-14s %-18s %-14s %-16s`) or,
 * with -p, fields joined by the delimiter (`:` unless -d) with nothing escaped, so a MAC's
 * own colons read as extra fields: name is first, type last, link next to last, and the MAC
 * is everything between.
 */
import type { NicTag } from '../model/network.js';
import { outputLines, parseError } from './parserSupport.js';
import { splitTable } from './textTable.js';

export interface NictagadmOptions {
  /** Parsable output (-p) with this delimiter (`:` by default, `-d` changes it). Left out: the table. */
  delimiter?: string;
}

function orNull(value: string): string | null {
  const v = value.trim();
  return v === '' || v === '-' ? null : v;
}

export function parseNictagadmList(stdout: string, opts: NictagadmOptions = {}): NicTag[] {
  const lines = outputLines(stdout).filter((line) => line.trim() !== '');
  if (opts.delimiter !== undefined) {
    const delim = opts.delimiter;
    if (delim === '') throw parseError('nictagadm list -p: empty delimiter');
    return lines.map((line, i) => {
      const parts = line.split(delim);
      if (parts.length < 4) throw parseError(`nictagadm list -p line ${i + 1}: ${parts.length} fields`);
      return {
        name: parts[0] ?? '',
        mac: orNull(parts.slice(1, -2).join(delim)),
        link: orNull(parts[parts.length - 2] ?? ''),
        type: (parts[parts.length - 1] ?? '').trim(),
      };
    });
  }
  const header = lines[0];
  if (header === undefined) return [];
  const names = header.trim().split(/\s+/);
  return splitTable(header.trimEnd(), lines.slice(1), 'nictagadm list').map((values) => {
    const get = (name: string): string => values[names.indexOf(name)] ?? '';
    return {
      name: get('NAME'),
      mac: orNull(get('MACADDRESS')),
      link: orNull(get('LINK')),
      type: get('TYPE'),
    };
  });
}
