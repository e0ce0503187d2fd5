// start / stop / reboot through the real executable: state transitions and concurrency.
import { afterAll, describe, expect, it } from 'vitest';

import { cleanupRoots, freshRoot, run } from '../../../test/simHarness.js';

afterAll(cleanupRoots);

// stop/start/reboot take (scaled) time now: run them fast
process.env.SMARTOS_SIM_SPEED = '100';

const POWERDNS = '024ab643-ed65-48ab-95f8-5e5976539bfa';
const OFFICE = [
  '2321c688-e15e-4c6f-bc07-b2f7ff772c18',
  '153831fc-2af9-44c8-9ba5-fad507337cc2',
  POWERDNS,
  '3d6d023b-50f0-42e1-9a84-e1c558c16224',
  '4cda7281-45e1-4485-8648-848f7211c938',
  '6a9d35d3-d522-4310-a724-fc38c59cd7e5',
];

async function getVm(root: string, uuid: string): Promise<Record<string, unknown>> {
  const r = await run(root, ['vmadm', 'get', uuid]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('vmadm stop / start / reboot', () => {
  it('stop: state stopped, zone installed, no zoneid/pid/boot_timestamp, exit_* after last_modified, autoboot off', async () => {
    const root = await freshRoot();
    const before = await getVm(root, POWERDNS);
    expect(await run(root, ['vmadm', 'stop', POWERDNS])).toEqual({
      code: 0,
      stdout: '',
      stderr: `Successfully completed stop for VM ${POWERDNS}\n`,
    });
    const vm = await getVm(root, POWERDNS);
    expect(vm).toMatchObject({ state: 'stopped', zone_state: 'installed', autoboot: false, exit_status: 0 });
    for (const gone of ['zoneid', 'pid', 'boot_timestamp']) expect(vm).not.toHaveProperty(gone);
    const keys = Object.keys(vm);
    expect(keys.slice(keys.indexOf('last_modified'), keys.indexOf('last_modified') + 3)).toEqual([
      'last_modified',
      'exit_status',
      'exit_timestamp',
    ]);
    expect(vm.last_modified).not.toBe(before.last_modified);
    expect(vm.exit_timestamp).toBe(vm.last_modified);
  });

  it('start: running again with a new zoneid and pid in vmload key positions, exit_* gone', async () => {
    const root = await freshRoot();
    await run(root, ['vmadm', 'stop', POWERDNS]);
    expect(await run(root, ['vmadm', 'start', POWERDNS])).toEqual({
      code: 0,
      stdout: '',
      stderr: `Successfully started VM ${POWERDNS}\n`,
    });
    const vm = await getVm(root, POWERDNS);
    expect(vm).toMatchObject({
      state: 'running',
      zone_state: 'running',
      autoboot: true,
      zoneid: 8,
      pid: 6211,
    });
    expect(vm).not.toHaveProperty('exit_status');
    const keys = Object.keys(vm);
    expect(keys[keys.indexOf('zonepath') + 1]).toBe('zoneid');
    expect(keys.slice(keys.indexOf('state'), keys.indexOf('state') + 3)).toEqual([
      'state',
      'boot_timestamp',
      'pid',
    ]);
    // the key set is the fixture-shaped one of a running zone again
    const fresh = await getVm(await freshRoot(), POWERDNS);
    expect(keys).toEqual(Object.keys(fresh));
  });

  it('stop of a stopped VM is a no-op message, exit 0; -F too', async () => {
    const root = await freshRoot();
    await run(root, ['vmadm', 'stop', '-F', POWERDNS]);
    const msg = `VM ${POWERDNS} is already not 'running' (currently: stopped)\n`;
    expect(await run(root, ['vmadm', 'stop', POWERDNS])).toEqual({ code: 0, stdout: '', stderr: msg });
    expect(await run(root, ['vmadm', 'halt', POWERDNS, '-F'])).toEqual({ code: 0, stdout: '', stderr: msg });
  });

  it('reboot: new zoneid, pid and boot time; refused when not running', async () => {
    const root = await freshRoot();
    const before = await getVm(root, POWERDNS);
    expect((await run(root, ['vmadm', 'reboot', POWERDNS])).code).toBe(0);
    const after = await getVm(root, POWERDNS);
    expect(after.state).toBe('running');
    expect(after.zoneid).not.toBe(before.zoneid);
    expect(after.pid).not.toBe(before.pid);
    expect(after.boot_timestamp).not.toBe(before.boot_timestamp);
    await run(root, ['vmadm', 'stop', POWERDNS]);
    expect(await run(root, ['vmadm', 'reboot', POWERDNS])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Cannot reboot vm from state "stopped", must be "running"\n',
    });
  });

  it('unknown VMs: the messages of the vminfod-era VM.js', async () => {
    const root = await freshRoot();
    const nobody = '11111111-2222-3333-4444-555555555555';
    expect(await run(root, ['vmadm', 'start', nobody])).toEqual({
      code: 1,
      stdout: '',
      stderr: `Unable to start VM ${nobody}: bad statusCode: 404\n`,
    });
    expect(await run(root, ['vmadm', 'stop', nobody])).toEqual({
      code: 1,
      stdout: '',
      stderr: `VM ${nobody} not found\n`,
    });
  });

  it('start rejects arguments other than order=, disk=, cdrom=', async () => {
    const root = await freshRoot();
    const r = await run(root, ['vmadm', 'start', POWERDNS, 'colour=red']);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith('Invalid argument to start: colour\nUsage: ')).toBe(true);
  });
});

describe('concurrent commands', () => {
  it('serialise on the lock: six parallel starts get six distinct zoneids and pids', async () => {
    const root = await freshRoot();
    for (const uuid of OFFICE) expect((await run(root, ['vmadm', 'stop', uuid])).code).toBe(0);
    const results = await Promise.all(OFFICE.map((uuid) => run(root, ['vmadm', 'start', uuid])));
    for (const [i, r] of results.entries())
      expect(r).toEqual({ code: 0, stdout: '', stderr: `Successfully started VM ${OFFICE[i] ?? ''}\n` });
    const vms = await Promise.all(OFFICE.map((uuid) => getVm(root, uuid)));
    expect(new Set(vms.map((vm) => vm.zoneid)).size).toBe(6);
    expect(new Set(vms.map((vm) => vm.pid)).size).toBe(6);
    expect(vms.map((vm) => Number(vm.zoneid)).sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12, 13]);
  });

  it('a storm of starts, stops and lists on one VM leaves a consistent object', async () => {
    const root = await freshRoot();
    const argvs = Array.from({ length: 24 }, (_, i) =>
      i % 3 === 0
        ? ['vmadm', 'list', '-p']
        : i % 3 === 1
          ? ['vmadm', 'stop', POWERDNS]
          : ['vmadm', 'start', POWERDNS],
    );
    const results = await Promise.all(argvs.map((argv) => run(root, argv)));
    // a start that meets a stop under way is refused (state stopping/ready): exit 1
    for (const [i, r] of results.entries()) {
      if (i % 3 === 2 && r.code === 1)
        expect(r.stderr).toMatch(/Cannot start vm from state "\w+", must be "stopped"/);
      else expect(r.code).toBe(0);
    }
    // every list saw six whole VMs, never a half-written file
    for (const r of results.filter((_, i) => i % 3 === 0))
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(6);
    const vm = await getVm(root, POWERDNS);
    if (vm.state === 'running') {
      expect(vm).toHaveProperty('zoneid');
      expect(vm).not.toHaveProperty('exit_status');
    } else {
      expect(vm.state).toBe('stopped');
      expect(vm).not.toHaveProperty('zoneid');
      expect(vm).toHaveProperty('exit_status');
    }
  });
});
