// imgadm's sizes (common.js humanSizeFromBytes): binary units, one decimal, truncated.
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function humanSizeFromBytes(bytes: number): string {
  if (bytes === 0) return '0 B';
  const i = Math.floor(Math.log(bytes) / Math.log(1024));
  const s = String(bytes / 1024 ** i);
  const dot = s.indexOf('.');
  const precision1 = dot === -1 ? `${s}.0` : s.slice(0, dot + 2);
  return `${precision1} ${UNITS[i] ?? ''}`;
}
