// imgadm import as a terminal shows it, recorded from the simulated host's imgadm on a PTY
// (test/recorded: xterm-256color at 120 columns, and vt100, where progbar also erases below).
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { ImageImportEvent } from '../model/image.js';
import { parseImgadmProgressBar } from './imgadmBar.js';
import {
  ImgadmImportReader,
  IMPORT_START,
  nextImportProgress,
  plainTerminalText,
  type ImportProgress,
} from './imgadmProgress.js';

const recorded = (name: string): string =>
  readFileSync(new URL(`../../test/recorded/${name}`, import.meta.url), 'utf8');

const XTERM = recorded('imgadm-import-pty.txt');
const VT100 = recorded('imgadm-import-pty-vt100.txt');
const BASE_23 = '2f1dc911-6401-4fa4-8e9d-67ea2e39c271';
const KB = 1024;
const MB = 1024 * 1024;

function readAll(text: string, chunk: number): ImageImportEvent[] {
  const reader = new ImgadmImportReader();
  const events: ImageImportEvent[] = [];
  for (let i = 0; i < text.length; i += chunk) events.push(...reader.push(text.slice(i, i + chunk)));
  events.push(...reader.end());
  return events;
}

describe('the download bar', () => {
  it('reads a draw with and without the rate and time left', () => {
    expect(
      parseImgadmProgressBar(
        'Download 6 images    [=======================>] 100%  28.03MB   9.42MB/s     2s',
      ),
    ).toEqual({
      percent: 100,
      bytes: Math.round(28.03 * MB),
      bytesPerSecond: Math.round(9.42 * MB),
      etaSeconds: 2,
    });
    expect(parseImgadmProgressBar('Download 1 image     [=>      ]  10%   1.00MB                  ')).toEqual(
      {
        percent: 10,
        bytes: MB,
        bytesPerSecond: null,
        etaSeconds: null,
      },
    );
    expect(parseImgadmProgressBar('Download 1 image  [==>  ]  42% 512B  1.50KB/s  1m15s')).toMatchObject({
      bytes: 512,
      bytesPerSecond: 1536,
      etaSeconds: 75,
    });
    expect(parseImgadmProgressBar('Downloaded image x (1.1 MiB)')).toBeUndefined();
    expect(parseImgadmProgressBar('Download 1 image     [=====')).toBeUndefined();
  });
});

describe('imgadm import on a terminal', () => {
  const expected: ImageImportEvent[] = [
    {
      kind: 'importing',
      uuid: BASE_23,
      name: 'base-64-lts',
      version: '23.4.0',
      source: 'https://images.smartos.org',
    },
    { kind: 'gather', uuid: BASE_23 },
    { kind: 'must-download', count: 1, sizeBytes: Math.round(1.1 * MB) },
    { kind: 'progress', percent: 5, bytes: Math.round(63.73 * KB), bytesPerSecond: null, etaSeconds: null },
    { kind: 'progress', percent: 33, bytes: Math.round(383.73 * KB), bytesPerSecond: null, etaSeconds: null },
    { kind: 'progress', percent: 61, bytes: Math.round(703.73 * KB), bytesPerSecond: null, etaSeconds: null },
    {
      kind: 'progress',
      percent: 89,
      bytes: Math.round(1023.73 * KB),
      bytesPerSecond: Math.round(511.61 * KB),
      etaSeconds: 0,
    },
    {
      kind: 'progress',
      percent: 100,
      bytes: Math.round(1.12 * MB),
      bytesPerSecond: Math.round(509.89 * KB),
      etaSeconds: 2,
    },
    { kind: 'downloaded', uuid: BASE_23, sizeBytes: Math.round(1.1 * MB) },
    { kind: 'imported', uuid: BASE_23, name: 'base-64-lts', version: '23.4.0' },
  ];

  it('reads every line and every redraw of the recorded bar', () => {
    const events = readAll(XTERM, XTERM.length);
    expect(events).toEqual(expected);
    for (const e of events) expect(ImageImportEvent.parse(e)).toEqual(e);
  });

  it('gives the same events whatever the chunks (escape sequences and CR LF cut in two)', () => {
    for (const size of [1, 2, 3, 7, 64]) expect(readAll(XTERM, size)).toEqual(expected);
  });

  it('reads the readline form of the redraw (CHA + erase below) outside xterm', () => {
    const kinds = readAll(VT100, 5).map((e) => (e.kind === 'progress' ? `${e.percent}%` : e.kind));
    expect(kinds).toEqual(['importing', 'gather', 'must-download', '6%', '100%', 'downloaded', 'imported']);
  });

  it('keeps a readable transcript: no control sequences, the bar once at its last draw', () => {
    const reader = new ImgadmImportReader();
    reader.push(XTERM);
    reader.end();
    const transcript = reader.transcript();
    expect(transcript).not.toContain('\x1b');
    expect(transcript).not.toContain('\r');
    expect(transcript.split('\n').filter((l) => l.startsWith('Download 1 image'))).toEqual([
      'Download 1 image               [=====================================================>] 100%   1.12MB 509.89KB/s     2s',
    ]);
    expect(transcript).toContain(`\nDownloaded image ${BASE_23} (1.1 MiB)\nImported image ${BASE_23}`);
  });

  it('drops colour and other control sequences', () => {
    expect(plainTerminalText('\x1b[31mred\x1b[0m\x07 \x1b[1Gbar')).toBe('red \rbar');
  });

  it('folds the events into phase, bytes, rate and a fraction that only grows', () => {
    const seen: ImportProgress[] = [];
    let state = IMPORT_START;
    for (const e of expected) seen.push((state = nextImportProgress(state, e)));
    expect(seen.map((s) => s.phase)).toEqual([
      'prepare',
      'prepare',
      'prepare',
      'download',
      'download',
      'download',
      'download',
      'verify',
      'install',
      'done',
    ]);
    expect(seen[6]).toMatchObject({
      bytes: Math.round(1023.73 * KB),
      totalBytes: Math.round(1.1 * MB),
      bytesPerSecond: Math.round(511.61 * KB),
    });
    const fractions = seen.map((s) => s.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });
});
