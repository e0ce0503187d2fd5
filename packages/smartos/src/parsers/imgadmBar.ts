/**
 * imgadm's download bar (node-progbar's draw, as imgadm import uses it on a terminal), one draw
 * with its control sequences removed:
 *
 *   Download 1 image     [=====>                    ]  42%  62.50MB   9.42MB/s     9s
 *
 * Sizes are progbar's (B, KB, MB, GB as powers of 1024); the rate and the time left appear
 * after progbar's 2 s warm-up, so they may be blank.
 */
import { parseHumanSize } from './humanSize.js';

/** One reading of the download bar. */
export interface ProgressBarReading {
  percent: number;
  /** Bytes downloaded so far (progbar's `62.50MB`, powers of 1024). */
  bytes: number;
  /** Bytes per second, once progbar shows a rate (after its 2 s warm-up). */
  bytesPerSecond: number | null;
  /** Seconds left (or taken, at 100 %), when progbar shows them. */
  etaSeconds: number | null;
}

const SIZE = String.raw`\d+(?:\.\d+)?(?:B|KB|MB|GB)`;
const BAR = new RegExp(
  String.raw`^Download \d+ images?\s*\[[=> ]*\]\s+(\d{1,3})%\s+(${SIZE})(?:\s+(${SIZE})/s)?(?:\s+((?:\d+h)?\s*(?:\d+m)?\s*(?:\d+s)?))?\s*$`,
);

/** `9s`, ` 1m15s`, ` 1h 2m`, `100h` → seconds. */
function etaSeconds(text: string | undefined): number | null {
  const m = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/.exec((text ?? '').trim());
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** One drawn bar (control sequences already removed), or undefined when the text is not one. */
export function parseImgadmProgressBar(text: string): ProgressBarReading | undefined {
  const m = BAR.exec(text.trim());
  if (!m) return undefined;
  const rate = m[3] !== undefined ? parseHumanSize(m[3]) : null;
  return {
    percent: Number(m[1]),
    bytes: parseHumanSize(m[2] ?? '0') ?? 0,
    bytesPerSecond: rate,
    etaSeconds: etaSeconds(m[4]),
  };
}
