/**
 * `imgadm import` read as it runs on a terminal. imgadm draws its download bar (node-progbar)
 * only when stderr is a TTY; each redraw starts with ECMA-48 CHA (`ESC [ 1 G`, plus `ESC [ 0 J`
 * outside xterm-like terminals) and the finished bar ends with a newline:
 *
 *   Download 1 image     [=====>                    ]  42%  62.50MB   9.42MB/s     9s
 *
 * On a terminal stdout's lines (`Importing …`, `Downloaded image …`) share the screen with the
 * bar, and the line discipline turns LF into CR LF. This reader takes the terminal's output in
 * whatever chunks it arrives, drops control sequences, and yields one event per finished line
 * or bar draw; `importProgress` folds the events into the phase, bytes and rate an admin sees.
 */
import type { ImageImportEvent } from '../model/image.js';
import { parseImgadmImportLine } from './imgadm.js';
import { parseImgadmProgressBar } from './imgadmBar.js';

/* eslint-disable no-control-regex -- terminal output: these patterns match the control sequences removed */
/** A control sequence introducer sequence: ESC [ params intermediates final. */
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]/g;
/** CHA (cursor to a column): progbar's way back to the start of the line. */
const CURSOR_TO_COLUMN = /\x1b\[[0-9;]*G/g;
/** Any other escape (two-byte ESC x) and C0 controls other than CR and LF. */
const OTHER_CONTROL = /\x1b[@-Z\\-_]|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;
/** An escape sequence cut off at the end of a chunk. */
const CUT_ESCAPE = /\x1b(?:\[[0-?]*[ -/]*)?$/;
/* eslint-enable no-control-regex */

/** Terminal text without its control sequences; a cursor return becomes CR. */
export function plainTerminalText(text: string): string {
  return text.replace(CURSOR_TO_COLUMN, '\r').replace(CSI, '').replace(OTHER_CONTROL, '');
}

/** Reads `imgadm import` terminal output chunk by chunk. */
export class ImgadmImportReader {
  /** Raw text held back: an escape sequence cut at a chunk's end. */
  private raw = '';
  /** Plain text of the line or draw not yet ended. */
  private pending = '';
  /** Every finished line and bar draw in plain text (a draw ends at the next redraw). */
  private readonly lines: string[] = [];

  /** Takes the next chunk; returns the events of the lines and draws it finished. */
  push(chunk: string): ImageImportEvent[] {
    let text = this.raw + chunk;
    const cut = CUT_ESCAPE.exec(text);
    this.raw = cut ? cut[0] : '';
    if (cut) text = text.slice(0, cut.index);
    const pieces = (this.pending + plainTerminalText(text)).split(/\r\n|\n|\r/);
    this.pending = pieces.pop() ?? '';
    return this.finish(pieces);
  }

  /** The output ended: the last unfinished line counts too. */
  end(): ImageImportEvent[] {
    const last = this.pending + plainTerminalText(this.raw);
    this.pending = '';
    this.raw = '';
    return this.finish([last]);
  }

  /** The plain output so far, one line per line with only each bar's last draw kept. */
  transcript(): string {
    const out: string[] = [];
    for (const line of this.lines) {
      if (
        parseImgadmProgressBar(line) !== undefined &&
        parseImgadmProgressBar(out.at(-1) ?? '') !== undefined
      ) {
        out[out.length - 1] = line;
      } else out.push(line);
    }
    return out.map((l) => `${l}\n`).join('');
  }

  private finish(pieces: string[]): ImageImportEvent[] {
    const events: ImageImportEvent[] = [];
    for (const piece of pieces) {
      const line = piece.trimEnd();
      if (line.trim() === '') continue;
      this.lines.push(line);
      const event = parseImgadmImportLine(line);
      if (event !== undefined) events.push(event);
    }
    return events;
  }
}

/** Where an import is: imgadm's steps as an admin names them. */
export type ImportPhase = 'prepare' | 'download' | 'verify' | 'install' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** Bytes downloaded (the bar's figure; the whole file once downloaded). */
  bytes: number | null;
  /** The file's size as imgadm announced it (`Must download and install 1 image (38.0 MiB)`). */
  totalBytes: number | null;
  bytesPerSecond: number | null;
  /** 0..1 over the whole import: the download is most of it. */
  fraction: number;
}

export const IMPORT_START: ImportProgress = {
  phase: 'prepare',
  bytes: null,
  totalBytes: null,
  bytesPerSecond: null,
  fraction: 0,
};

/** Share of the job the download stands for; checksum and install take the rest. */
const DOWNLOAD_SHARE = 0.9;

/**
 * The progress after one event. The checksum is checked when the last byte is in, before imgadm
 * says `Downloaded image`; the install (zfs receive) runs until `Imported image`.
 */
export function nextImportProgress(state: ImportProgress, event: ImageImportEvent): ImportProgress {
  switch (event.kind) {
    case 'must-download':
      return { ...state, totalBytes: event.sizeBytes };
    case 'progress':
      return {
        ...state,
        phase: event.percent >= 100 ? 'verify' : 'download',
        bytes: event.bytes,
        bytesPerSecond: event.bytesPerSecond ?? state.bytesPerSecond,
        fraction: (Math.min(event.percent, 100) / 100) * DOWNLOAD_SHARE,
      };
    case 'downloaded':
      return {
        ...state,
        phase: 'install',
        bytes: event.sizeBytes ?? state.bytes,
        totalBytes: state.totalBytes ?? event.sizeBytes,
        fraction: Math.max(state.fraction, DOWNLOAD_SHARE + 0.05),
      };
    case 'imported':
    case 'already-installed':
      return { ...state, phase: 'done', fraction: 1 };
    case 'importing':
    case 'gather':
    case 'waiting-for-lock':
    case 'other':
      return state;
  }
}
