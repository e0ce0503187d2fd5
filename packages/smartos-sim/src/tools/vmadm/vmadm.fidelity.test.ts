// Runs the real vmadm executable on a fresh office host for each fixture whose argv it
// supports, and compares what it prints with what SmartOS printed, byte for byte.
import { readdirSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import {
  cleanupRoots,
  fixture,
  fixtureArgv,
  fixturesDir,
  freshRoot,
  run,
  withZonepaths,
} from '../../../test/simHarness.js';
import { LIFECYCLE_CASES } from './lifecycleCases.js';

afterAll(cleanupRoots);

process.env.SMARTOS_SIM_SPEED = '100';

const POWERDNS = '024ab643-ed65-48ab-95f8-5e5976539bfa';

interface Case {
  /** fixture file; `.stderr.txt` fixtures are stderr, the others stdout */
  file: string;
  code: number;
  /** commands run first to put the host in the fixture's state */
  before?: string[][];
}

const CASES: Case[] = [
  { file: 'vmadm-list.txt', code: 0 },
  { file: 'vmadm-list-H.txt', code: 0 },
  { file: 'vmadm-list-p.txt', code: 0 },
  { file: 'vmadm-list-filter-kvm.txt', code: 0 },
  { file: 'vmadm-list-o-custom.txt', code: 0 },
  { file: 'vmadm-list-o-nics.txt', code: 0 },
  { file: 'vmadm-list-p-o-custom.txt', code: 0 },
  { file: 'vmadm-list-bad-filter.stderr.txt', code: 1 },
  { file: 'vmadm-lookup-state-running.txt', code: 0 },
  { file: 'vmadm-get-joyent.json', code: 0 },
  { file: 'vmadm-get-joyent-delegated.json', code: 0 },
  { file: 'vmadm-get-kvm.json', code: 0 },
  { file: 'vmadm-get-kvm-elk.json', code: 0 },
  { file: 'vmadm-get-not-found.stderr.txt', code: 1 },
  { file: 'vmadm-start.stderr.txt', code: 0, before: [['vmadm', 'stop', POWERDNS]] },
  { file: 'vmadm-start-already-running.stderr.txt', code: 0 },
  { file: 'vmadm-start-bad-uuid.stderr.txt', code: 2 },
  { file: 'vmadm-stop.stderr.txt', code: 0 },
  { file: 'vmadm-stop-F.stderr.txt', code: 0 },
  { file: 'vmadm-stop-not-running.stderr.txt', code: 0, before: [['vmadm', 'stop', POWERDNS]] },
  { file: 'vmadm-reboot.stderr.txt', code: 0 },
];

describe('vmadm prints what SmartOS printed (fixtures)', () => {
  for (const c of CASES) {
    it(`${c.file}: ${fixtureArgv(c.file).join(' ')}`, async () => {
      const root = await freshRoot('office');
      for (const argv of c.before ?? []) expect((await run(root, argv)).code).toBe(0);
      const result = await run(root, fixtureArgv(c.file));
      const expected = withZonepaths(fixture(c.file), root);
      if (c.file.endsWith('.stderr.txt')) {
        expect(result.stderr).toBe(expected);
        expect(result.stdout).toBe('');
      } else {
        expect(result.stdout).toBe(expected);
        expect(result.stderr).toBe('');
      }
      expect(result.code).toBe(c.code);
    });
  }

  it('vmadm-lookup-j-kvm.json: the fixture objects plus the `type` fake field vmadm.js adds', async () => {
    // vmadm.js runs addFakeFields as the lookup transform on every object, so `lookup -j`
    // ends each VM with "type" (and "ram" for non-HVM). The fixture omits it; the rest of
    // the output must be the fixture byte for byte.
    const root = await freshRoot('office');
    const result = await run(root, fixtureArgv('vmadm-lookup-j-kvm.json'));
    const vms = JSON.parse(withZonepaths(fixture('vmadm-lookup-j-kvm.json'), root)) as Record<
      string,
      unknown
    >[];
    const expected = `${JSON.stringify(
      vms.map((vm) => ({ ...vm, type: 'KVM' })),
      null,
      2,
    )}\n`;
    expect(result.stdout).toBe(expected);
    expect(result.code).toBe(0);
  });

  it('covers every vmadm fixture', () => {
    const covered = new Set([
      ...CASES.map((c) => c.file),
      ...LIFECYCLE_CASES.map((c) => c.file),
      'vmadm-lookup-j-kvm.json',
      'vmadm-events.txt',
      'vmadm-events-jr.jsonl',
    ]);
    const relevant = readdirSync(fixturesDir).filter((f) => f.startsWith('vmadm-') && !f.endsWith('.cmd'));
    expect(relevant.filter((f) => !covered.has(f))).toEqual([]);
  });
});
