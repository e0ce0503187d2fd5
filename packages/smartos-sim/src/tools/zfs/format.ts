// Number, ratio and date formats of illumos libzfs, and its column printer.

const SUFFIX = ' KMGTPE';

/** Rounds num / 2^shift to `digits` decimals as C's printf does (exact, ties to even). */
function fixed(num: bigint, shift: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const div = 1n << shift;
  const scaled = num * scale;
  let q = scaled / div;
  const r = scaled % div;
  if (2n * r > div || (2n * r === div && q % 2n === 1n)) q += 1n;
  const whole = q / scale;
  if (digits === 0) return whole.toString();
  return `${whole.toString()}.${(q % scale).toString().padStart(digits, '0')}`;
}

/** zfs_nicenum: 1024-based, the most precision that fits in 5 characters (`3.40G`, `200G`, `96.0K`). */
export function nicenum(value: number): string {
  const num = BigInt(Math.max(0, Math.round(value)));
  let n = num;
  let index = 0;
  while (n >= 1024n && index < SUFFIX.length - 1) {
    n /= 1024n;
    index += 1;
  }
  if (index === 0) return n.toString();
  const u = SUFFIX[index] ?? '';
  let text = '';
  for (let digits = 2; digits >= 0; digits -= 1) {
    text = `${fixed(num, BigInt(10 * index), digits)}${u}`;
    if (text.length <= 5) break;
  }
  return text;
}

/** A ratio kept as hundredths, as ZFS prints it: `%llu.%02llux`. */
export function ratioText(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}x`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

// The simulated host's clock runs in UTC, as a SmartOS global zone does.
function parts(epochSeconds: number): {
  wd: string;
  mon: string;
  day: number;
  h: number;
  m: number;
  s: number;
  y: number;
} {
  const d = new Date(epochSeconds * 1000);
  return {
    wd: DAYS[d.getUTCDay()] ?? '',
    mon: MONTHS[d.getUTCMonth()] ?? '',
    day: d.getUTCDate(),
    h: d.getUTCHours(),
    m: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    y: d.getUTCFullYear(),
  };
}

/** ctime(3) without its newline: `Sun Feb  4 03:12:45 2024`. */
export function ctimeText(epochSeconds: number): string {
  const t = parts(epochSeconds);
  return `${t.wd} ${t.mon} ${String(t.day).padStart(2, ' ')} ${p2(t.h)}:${p2(t.m)}:${p2(t.s)} ${t.y}`;
}

/** The `creation` property: strftime `%a %b %e %k:%M %Y` (`Sat Feb 10  8:00 2024`). */
export function creationText(epochSeconds: number): string {
  const t = parts(epochSeconds);
  return `${t.wd} ${t.mon} ${String(t.day).padStart(2, ' ')} ${String(t.h).padStart(2, ' ')}:${p2(t.m)} ${t.y}`;
}

export interface Column {
  header: string;
  right: boolean;
  /** minimum width before values are seen (zprop_width) */
  width: number;
}

/**
 * zfs list / zpool list style table: two spaces between columns, left or right aligned to
 * the widest of header, fixed width and values; the last column unpadded. `scripted` (-H):
 * no header, one TAB between columns.
 */
export function formatTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  scripted: boolean,
): string {
  if (scripted) return rows.map((r) => `${r.join('\t')}\n`).join('');
  const widths = columns.map((c, i) =>
    rows.reduce((w, r) => Math.max(w, (r[i] ?? '').length), Math.max(c.width, c.header.length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => {
        const last = i === columns.length - 1;
        const w = widths[i] ?? 0;
        if (columns[i]?.right === true) return cell.padStart(w);
        return last ? cell : cell.padEnd(w);
      })
      .join('  ');
  return [line(columns.map((c) => c.header)), ...rows.map(line)].map((l) => `${l}\n`).join('');
}
