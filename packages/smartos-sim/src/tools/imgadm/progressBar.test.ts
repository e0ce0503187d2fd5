// The progress bar's lines (node-progbar's draw()), on a fake clock.
import { describe, expect, it } from 'vitest';

import { linkRate } from './download.js';
import { formatSize, formatTime, ProgressBar } from './progressBar.js';

function bar(size: number, term = 'xterm') {
  let t = 1_000_000;
  const writes: string[] = [];
  const b = new ProgressBar({
    filename: 'Download 1 image',
    size,
    columns: 80,
    term,
    write: (s) => writes.push(s),
    now: () => t,
  });
  return { b, writes, tick: (ms: number) => (t += ms) };
}

describe('progress bar', () => {
  it('formats sizes and times as progbar', () => {
    expect([formatSize(512), formatSize(65536), formatSize(29391585), formatSize(3 * 1024 ** 3)]).toEqual([
      '512B',
      '64.00KB',
      '28.03MB',
      '3.00GB',
    ]);
    expect([formatTime(2), formatTime(75), formatTime(3725)]).toEqual([' 2s', ' 1m15s', ' 1h 2m']);
  });

  it('draws at most twice a second, shows rate and ETA after the warm-up, ends at 100%', () => {
    const { b, writes, tick } = bar(10 * 1024 * 1024);
    b.advance(1024 * 1024);
    expect(writes).toEqual([
      '\x1b[1GDownload 1 image     [=>                      ]  10%   1.00MB                  ',
    ]);
    tick(100);
    b.advance(1024 * 1024);
    expect(writes).toHaveLength(1);
    for (let i = 0; i < 5; i += 1) {
      tick(600);
      b.advance(1024 * 1024);
    }
    expect(writes.at(-1)).toBe(
      '\x1b[1GDownload 1 image     [===============>        ]  70%   7.00MB   2.26MB/s     1s',
    );
    b.advance(3 * 1024 * 1024);
    expect(writes.slice(-2)).toEqual([
      '\x1b[1GDownload 1 image     [=======================>] 100%  10.00MB   3.23MB/s     3s',
      '\n',
    ]);
    expect(b.finished).toBe(true);
  });

  it('outside xterm-like terminals the redraw goes through readline (CHA + erase below)', () => {
    const { b, writes } = bar(100, 'dumb');
    b.advance(50);
    expect(writes[0]?.startsWith('\x1b[1G\x1b[0JDownload 1 image')).toBe(true);
  });
});

describe('the simulated link', () => {
  it('runs at 2 MiB/s x the speed, or at SMARTOS_SIM_LINK_KIBPS', () => {
    expect(linkRate({ SMARTOS_SIM_SPEED: '100' })).toBe(200 * 1024 * 1024);
    expect(linkRate({ SMARTOS_SIM_SPEED: '100', SMARTOS_SIM_LINK_KIBPS: '768' })).toBe(768 * 1024);
    expect(linkRate({ SMARTOS_SIM_LINK_KIBPS: 'x' })).toBe(2 * 1024 * 1024);
  });
});
