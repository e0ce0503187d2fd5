/**
 * Driver and simulator agree: each parser reads the simulator's real output for the argv of
 * every dladm, nictagadm and svcs fixture (run through the real LocalTransport) and finds
 * what it finds in the fixture; the tool calls read the simulated host end to end.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { initSim, simEnv } from '@zonedeck/smartos-sim';

import { fixturesFor, optionValue, type Fixture } from '../../test/fixtureFiles.js';
import { isSmartosError } from '../errors.js';
import { dladmShowLink, dladmShowPhys, dladmShowVnic } from '../tools/dladm.js';
import { nictagadmList } from '../tools/nictagadm.js';
import { svcadm, svcs, svcsExplain } from '../tools/svcs.js';
import { createLocalTransport } from '../transport/localTransport.js';
import type { Transport } from '../transport/transport.js';
import { parseDladmShowLink, parseDladmShowPhys, parseDladmShowVnic } from './dladm.js';
import { parseNictagadmList } from './nictagadm.js';
import { parseSvcs, parseSvcsExplain } from './svcs.js';

const scratch = mkdtempSync(join(tmpdir(), 'zonedeck-parsers-sim-'));
const root = join(scratch, 'office');
let transport: Transport;
const call = { timeoutMs: 20_000 };

beforeAll(async () => {
  await initSim({ root, profile: 'office' });
  // the fixtures' clock (the morning after boot, UTC) so STIME columns read alike
  transport = createLocalTransport({
    env: { ...simEnv(root), TZ: 'UTC', SMARTOS_SIM_NOW: '2024-02-11T12:00:00Z' },
  });
});
afterAll(async () => {
  await transport.close();
  await rm(scratch, { recursive: true, force: true });
});

async function simStdout(argv: readonly string[]): Promise<string> {
  const result = await transport.exec({ argv, timeoutMs: call.timeoutMs });
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

function dladmOpts(argv: readonly string[]): { fields?: string[] } {
  const o = optionValue(argv, '-o');
  return argv.includes('-p') && o !== undefined ? { fields: o.split(',') } : {};
}

const PARSERS: Record<string, (f: Fixture, text: string) => unknown> = {
  'show-phys': (f, text) => parseDladmShowPhys(text, dladmOpts(f.argv)),
  'show-vnic': (f, text) => parseDladmShowVnic(text, dladmOpts(f.argv)),
  'show-link': (f, text) => parseDladmShowLink(text, dladmOpts(f.argv)),
  list: (f, text) =>
    parseNictagadmList(text, f.argv.includes('-p') ? { delimiter: optionValue(f.argv, '-d') ?? ':' } : {}),
};

describe('dladm and nictagadm parsers read the simulator as they read the fixtures', () => {
  const cases = [...fixturesFor('dladm'), ...fixturesFor('nictagadm')];
  it.each(cases.map((f) => [f.file, f] as const))('%s', async (_file, f) => {
    const parse = PARSERS[f.argv[1] ?? ''];
    if (!parse) throw new Error(`no parser for ${f.argv.join(' ')}`);
    expect(parse(f, await simStdout(f.argv))).toEqual(parse(f, f.text));
  });
});

describe('svcs parsers read the simulator as they read the fixtures', () => {
  const notSendmail = (s: { fmri: string }): boolean => s.fmri !== 'svc:/network/smtp:sendmail';

  it.each(
    fixturesFor('svcs')
      .filter((f) => !f.argv.includes('-x'))
      .map((f) => [f.file, f] as const),
  )('%s', async (_file, f) => {
    const opts = f.argv.includes('-H') ? { fields: optionValue(f.argv, '-o')?.split(',') } : {};
    // svcs lists disabled services only with -a (the svcs-H-o fixture has them without)
    const argv =
      f.argv.includes('-H') && !f.argv.includes('-a')
        ? [f.argv[0] ?? 'svcs', '-a', ...f.argv.slice(1)]
        : f.argv;
    const fromSim = parseSvcs(await simStdout(argv), opts).filter(notSendmail);
    expect(fromSim).toEqual(parseSvcs(f.text, opts));
  });

  it('svcs -x: the simulator explains its sendmail in maintenance; the fixture host had none', async () => {
    const [f] = fixturesFor('svcs', '-x');
    if (!f) throw new Error('fixture missing');
    expect(parseSvcsExplain(f.text)).toEqual([]);
    const blocks = parseSvcsExplain(await simStdout(f.argv));
    expect(blocks).toEqual([
      expect.objectContaining({ fmri: 'svc:/network/smtp:sendmail', state: 'maintenance' }) as unknown,
    ]);
  });
});

describe('tool calls on the simulated office host', () => {
  const ctx = (command: string) => ({ transport, command });

  it('reads links, VNICs, NIC tags and services', async () => {
    expect((await dladmShowPhys(ctx('dladm'), call)).map((l) => [l.link, l.state])).toEqual([
      ['bge0', 'up'],
      ['bge1', 'down'],
    ]);
    const vnics = await dladmShowVnic(ctx('dladm'), call);
    expect(vnics.find((v) => v.link === 'z4_0')).toMatchObject({
      macAddress: 'b6:0e:97:5a:22:cd',
      zone: '024ab643-ed65-48ab-95f8-5e5976539bfa',
    });
    expect((await dladmShowLink(ctx('dladm'), call, 'bge1'))[0]).toMatchObject({ class: 'phys', over: [] });
    expect(await nictagadmList(ctx('nictagadm'), call)).toEqual([
      { name: 'admin', mac: '9c:b6:54:bb:c3:3c', link: 'bge0', type: 'normal' },
    ]);
    const services = await svcs(ctx('svcs'), call, { all: true });
    expect(services.find((s) => s.fmri === 'svc:/network/ssh:default')?.state).toBe('online');
    expect((await svcsExplain(ctx('svcs'), call)).map((e) => e.fmri)).toEqual(['svc:/network/smtp:sendmail']);
  });

  it('reports an unknown service as ServiceNotFound', async () => {
    const err: unknown = await svcadm(ctx('svcadm'), 'restart', 'svc:/no/such:default', call).catch(
      (e: unknown) => e,
    );
    expect(isSmartosError(err, 'ServiceNotFound')).toBe(true);
  });
});
