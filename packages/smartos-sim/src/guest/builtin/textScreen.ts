// The built-in guest's VGA text console: an 80x25 terminal (@xterm/headless does the escape
// sequences) drawn with the 5x8 font into a 640x400 RGB framebuffer, 8x16 pixels per cell (each
// glyph row drawn twice). Listeners hear which pixel rows changed.
import xtermHeadless, { type IBufferCell, type IBufferLine } from '@xterm/headless';

import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRow } from './font5x8.js';

export const COLS = 80;
export const ROWS = 25;
export const CELL_WIDTH = 8;
export const CELL_HEIGHT = 16;
export const SCREEN_WIDTH = COLS * CELL_WIDTH;
export const SCREEN_HEIGHT = ROWS * CELL_HEIGHT;

type Rgb = readonly [number, number, number];

// the VGA text-mode palette
const PALETTE: readonly Rgb[] = [
  [0, 0, 0],
  [170, 0, 0],
  [0, 170, 0],
  [170, 85, 0],
  [0, 0, 170],
  [170, 0, 170],
  [0, 170, 170],
  [170, 170, 170],
  [85, 85, 85],
  [255, 85, 85],
  [85, 255, 85],
  [255, 255, 85],
  [85, 85, 255],
  [255, 85, 255],
  [85, 255, 255],
  [255, 255, 255],
];
const DEFAULT_FG: Rgb = [170, 170, 170];
const DEFAULT_BG: Rgb = [0, 0, 0];

/** A changed band of the screen, in pixels. */
export interface DirtyRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function colour(palette: boolean, rgb: boolean, value: number, fallback: Rgb): Rgb {
  if (palette) return PALETTE[value] ?? fallback;
  if (rgb) return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return fallback;
}

/** What a row shows: characters and colours, to tell which rows changed. */
function rowKey(line: IBufferLine, cell: IBufferCell): string {
  let key = '';
  for (let x = 0; x < COLS; x += 1) {
    const c = line.getCell(x, cell);
    key += c ? `${c.getChars() || ' '}${c.getFgColor()},${c.getBgColor()},${c.isInverse()};` : ';';
  }
  return key;
}

export class TextScreen {
  /** RGB, 3 bytes a pixel, row-major */
  readonly pixels = Buffer.alloc(SCREEN_WIDTH * SCREEN_HEIGHT * 3);
  private readonly term = new xtermHeadless.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  private readonly rowKeys: string[] = Array.from({ length: ROWS }, () => '');
  private readonly listeners = new Set<(rect: DirtyRect) => void>();
  private renderQueued = false;

  constructor() {
    this.render();
  }

  write(data: string): void {
    this.term.write(data, () => this.queueRender());
  }

  onChange(listener: (rect: DirtyRect) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The text on screen, one string per row (for tests and logs). */
  text(): string[] {
    const buf = this.term.buffer.active;
    return Array.from(
      { length: ROWS },
      (_, y) => buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '',
    );
  }

  dispose(): void {
    this.term.dispose();
  }

  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    setTimeout(() => {
      this.renderQueued = false;
      this.render();
    }, 15);
  }

  private render(): void {
    const buf = this.term.buffer.active;
    const cell = buf.getNullCell();
    let first = -1;
    let last = -1;
    for (let y = 0; y < ROWS; y += 1) {
      const line = buf.getLine(buf.viewportY + y);
      const cursorX = buf.cursorY === y ? buf.cursorX : -1;
      const key = `${cursorX}|${line ? rowKey(line, cell) : ''}`;
      if (key === this.rowKeys[y]) continue;
      this.rowKeys[y] = key;
      for (let x = 0; x < COLS; x += 1) {
        const c = line?.getCell(x, cell);
        this.drawCell(x, y, c, x === cursorX);
      }
      if (first < 0) first = y;
      last = y;
    }
    if (first < 0) return;
    const rect = {
      x: 0,
      y: first * CELL_HEIGHT,
      width: SCREEN_WIDTH,
      height: (last - first + 1) * CELL_HEIGHT,
    };
    for (const listener of this.listeners) listener(rect);
  }

  private drawCell(cx: number, cy: number, c: IBufferCell | undefined, cursor: boolean): void {
    const ch = c?.getChars() ?? '';
    let fg = c ? colour(c.isFgPalette(), c.isFgRGB(), c.getFgColor(), DEFAULT_FG) : DEFAULT_FG;
    let bg = c ? colour(c.isBgPalette(), c.isBgRGB(), c.getBgColor(), DEFAULT_BG) : DEFAULT_BG;
    if (c && c.isBold() !== 0 && c.isFgPalette() && c.getFgColor() < 8)
      fg = PALETTE[c.getFgColor() + 8] ?? fg;
    if (c && c.isInverse() !== 0) [fg, bg] = [bg, fg];
    const left = Math.floor((CELL_WIDTH - GLYPH_WIDTH) / 2);
    for (let py = 0; py < CELL_HEIGHT; py += 1) {
      const bits = ch === '' || ch === ' ' ? 0 : glyphRow(ch, Math.floor(py / (CELL_HEIGHT / GLYPH_HEIGHT)));
      const underline = cursor && py >= CELL_HEIGHT - 2;
      for (let px = 0; px < CELL_WIDTH; px += 1) {
        const gx = px - left;
        const on = underline || (gx >= 0 && gx < GLYPH_WIDTH && (bits >> (GLYPH_WIDTH - 1 - gx)) & 1) === 1;
        const rgb = on ? fg : bg;
        const at = ((cy * CELL_HEIGHT + py) * SCREEN_WIDTH + cx * CELL_WIDTH + px) * 3;
        this.pixels[at] = rgb[0];
        this.pixels[at + 1] = rgb[1];
        this.pixels[at + 2] = rgb[2];
      }
    }
  }
}
