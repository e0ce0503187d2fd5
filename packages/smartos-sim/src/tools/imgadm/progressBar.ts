// imgadm's download progress bar (node-progbar's ProgressBar, as imgadm.js uses it: bytes,
// no maxdrawfreq = at most 2 draws a second), drawn on stderr only when stderr is a terminal:
//
//   Download 1 image     [=====>                    ]  42%  62.50MB   9.42MB/s     9s
//
// File label capped/padded to a quarter of the width, then ' %3d%% %8s %10s %6s'; rate and
// ETA appear once 2 s have passed and 5 readings came in. Each redraw starts with ECMA-48 CHA
// (ESC [ 1 G: cursor to column 1) on xterm/rxvt/screen/ansi terminals, as progbar writes it;
// on other terminals progbar goes through readline, which also returns with ESC [ 1 G and
// erases below (ESC [ 0 J). The finished bar ends with a newline; lines logged after it
// (Downloaded/Imported image) go to the same terminal.
const KILOBYTE = 1024;
const MEGABYTE = KILOBYTE * 1024;
const GIGABYTE = MEGABYTE * 1024;
const WARMUP_DELAY_MS = 2000;
const DRAW_PERIOD_MS = 500;

export function formatSize(bytes: number): string {
  if (bytes >= GIGABYTE) return `${(bytes / GIGABYTE).toFixed(2)}GB`;
  if (bytes >= MEGABYTE) return `${(bytes / MEGABYTE).toFixed(2)}MB`;
  if (bytes >= KILOBYTE) return `${(bytes / KILOBYTE).toFixed(2)}KB`;
  return `${bytes}B`;
}

const pad2 = (n: number): string => String(n).padStart(2);

export function formatTime(total: number): string {
  let seconds = Math.floor(total);
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  if (hours > 99) return `${hours}h`;
  if (hours > 0) return `${pad2(hours)}h${pad2(minutes)}m`;
  if (minutes > 0) return `${pad2(minutes)}m${pad2(seconds)}s`;
  return `${pad2(seconds)}s`;
}

function caplength(str: string, len: number): string {
  return str.length > len ? `...${str.slice(str.length - len + 3)}` : str.padEnd(len);
}

export function isEcma48Terminal(term: string | undefined): boolean {
  return term !== undefined && (/^(xterm|rxvt|screen)/.test(term) || term === 'ansi');
}

export interface ProgressBarOptions {
  filename: string;
  size: number;
  columns: number;
  term: string | undefined;
  write: (text: string) => void;
  /** clock (ms); default Date.now */
  now?: () => number;
}

export class ProgressBar {
  private progress = 0;
  private done = false;
  private readings = 0;
  private lastDraw = 0;
  private readonly startAt: number;
  private readonly now: () => number;
  private readonly returnToStart: string;

  constructor(private readonly opts: ProgressBarOptions) {
    this.now = opts.now ?? Date.now;
    this.startAt = this.now();
    this.returnToStart = isEcma48Terminal(opts.term) ? '\x1b[1G' : '\x1b[1G\x1b[0J';
  }

  get finished(): boolean {
    return this.done;
  }

  advance(bytes: number): void {
    if (this.done) return;
    this.readings += 1;
    this.progress += bytes;
    if (this.progress >= this.opts.size) {
      this.end();
      return;
    }
    if (this.now() - this.lastDraw > DRAW_PERIOD_MS) this.draw();
  }

  end(opts: { nocomplete?: boolean } = {}): void {
    if (this.done) return;
    if (opts.nocomplete !== true) this.progress = this.opts.size;
    this.draw();
    this.opts.write('\n');
    this.done = true;
  }

  /** A line above the bar; once the bar is finished, just the line. */
  log(line: string): void {
    this.opts.write(`${line}\n`);
  }

  line(): string {
    const { size, columns } = this.opts;
    const now = this.now();
    let rate = '';
    let eta = '';
    if (size > 0 && this.readings > 5 && now - this.startAt > WARMUP_DELAY_MS) {
      const period = (now - this.startAt) / 1000;
      const perSec = Math.floor(this.progress / period);
      rate = `${formatSize(perSec)}/s`;
      eta =
        this.progress < size ? formatTime(Math.floor((size - this.progress) / perSec)) : formatTime(period);
    }
    const percent = size === 0 ? 100 : Math.floor((this.progress / size) * 100);
    const info = ` ${String(percent).padStart(3)}% ${formatSize(this.progress).padStart(8)} ${rate.padStart(10)} ${eta.padStart(6)}`;
    const file = `${caplength(this.opts.filename, Math.floor(columns / 4))} `;
    const barWidth = columns - file.length - info.length - 3;
    const doneLen = size === 0 ? barWidth : Math.floor(barWidth * (this.progress / size));
    let bar = '';
    while (bar.length < doneLen - 1) bar += '=';
    while (bar.length < doneLen) bar += '>';
    bar = bar.padEnd(Math.max(0, barWidth));
    return `${file}[${bar}]${info}`;
  }

  private draw(): void {
    if (this.done) return;
    this.opts.write(this.returnToStart + this.line());
    this.lastDraw = this.now();
  }
}
