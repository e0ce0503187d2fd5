import { describe, expect, it } from 'vitest';

import { createImportJournal } from './imageImportJournal.js';
import type { ImageImportEvent, JobStage } from './schemas/index.js';

const UUID = '2f1dc911-6401-4fa4-8e9d-67ea2e39c271';
const MiB = 1024 * 1024;

function bar(percent: number, rate: number | null): ImageImportEvent {
  return {
    kind: 'progress',
    percent,
    bytes: (percent / 100) * 4 * MiB,
    bytesPerSecond: rate,
    etaSeconds: null,
  };
}

describe('an image import job', () => {
  it('reports phase, bytes and rate on every event, and logs imgadm lines plus the bar at each quarter', () => {
    const lines: string[] = [];
    const reports: [number, JobStage | undefined][] = [];
    const journal = createImportJournal(UUID, {
      log: (l) => lines.push(l),
      progress: (f, s) => reports.push([f, s]),
    });
    const events: ImageImportEvent[] = [
      { kind: 'importing', uuid: UUID, name: 'base-64-lts', version: '23.4.0', source: 'https://x' },
      { kind: 'must-download', count: 1, sizeBytes: 4 * MiB },
      bar(5, null),
      bar(10, null),
      bar(30, MiB),
      bar(40, MiB),
      bar(100, 2 * MiB),
      { kind: 'downloaded', uuid: UUID, sizeBytes: 4 * MiB },
      { kind: 'imported', uuid: UUID, name: 'base-64-lts', version: '23.4.0' },
    ];
    for (const e of events) journal.take(e);
    expect(lines).toEqual([
      `Importing ${UUID} (base-64-lts@23.4.0) from "https://x"`,
      'Must download and install 1 image (4.00 MiB)',
      'Download: 5% (0.20 MiB of 4.00 MiB)',
      'Download: 30% (1.20 MiB of 4.00 MiB at 1.00 MiB/s)',
      'Download: 100% (4.00 MiB of 4.00 MiB at 2.00 MiB/s), checking the checksum',
      `Downloaded image ${UUID} (4.00 MiB), installing`,
      `Imported image ${UUID} (base-64-lts@23.4.0)`,
    ]);
    expect(reports.map(([, s]) => s?.phase)).toEqual([
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
    expect(reports[4]).toEqual([
      0.3 * 0.9,
      { phase: 'download', bytes: 1.2 * MiB, totalBytes: 4 * MiB, bytesPerSecond: MiB },
    ]);
    expect(reports.at(-1)?.[0]).toBe(1);
    expect(journal.lastLine()).toBe(`Imported image ${UUID} (base-64-lts@23.4.0)`);
  });
});
