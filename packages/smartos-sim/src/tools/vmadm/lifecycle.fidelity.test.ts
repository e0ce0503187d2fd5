// The fixtures of create, delete, update, validate, snapshots, info and events, through the
// real vmadm on fresh office hosts. Where a fixture cannot be byte-equal (fresh uuids,
// timestamps) the test says what is compared.
import { afterAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixtureArgv, freshRoot } from '../../../test/simHarness.js';
import { simLayout } from '../../state/layout.js';
import { readZfs } from '../../state/zfsStore.js';
import { LIFECYCLE_CASES } from './lifecycleCases.js';
import { runVm, runWithInput, startWatcher } from './testKit.js';

afterAll(cleanupRoots);

const POWERDNS = '024ab643-ed65-48ab-95f8-5e5976539bfa';
const MYSQL = '3d6d023b-50f0-42e1-9a84-e1c558c16224';
const OCS = '4cda7281-45e1-4485-8648-848f7211c938';

describe('vmadm lifecycle commands print what SmartOS printed (fixtures)', () => {
  for (const c of LIFECYCLE_CASES) {
    it(`${c.file}: ${fixtureArgv(c.file).join(' ')}`, async () => {
      const root = await freshRoot('office');
      for (const argv of c.before ?? []) expect((await runVm(root, argv)).code).toBe(0);
      const result = await runWithInput(root, fixtureArgv(c.file), c.stdin ?? '');
      if (c.file.endsWith('.stderr.txt')) {
        expect(result.stderr).toBe(fixture(c.file));
        expect(result.stdout).toBe('');
      } else {
        expect(result.stdout).toBe(fixture(c.file));
        expect(result.stderr).toBe('');
      }
      expect(result.code).toBe(c.code);
    });
  }

  it('update quota=20 reaches the VM object and the zone dataset', async () => {
    const root = await freshRoot('office');
    await runVm(root, fixtureArgv('vmadm-update.stderr.txt'));
    const vm = JSON.parse((await runVm(root, ['vmadm', 'get', POWERDNS])).stdout) as Record<string, unknown>;
    expect(vm.quota).toBe(20);
    const z = readZfs(simLayout(root));
    expect(z.datasets[`zones/${POWERDNS}`]?.props.quota).toBe(String(20 * 1024 ** 3));
  });

  it('vmadm-events.txt: a stop of MySQL-PerconaDB, line for line but for the times', async () => {
    // vminfod reports every changed key (zoneid, pid, exit_status...) and autoboot; the
    // fixture keeps the state and zone_state lines, which must match in order.
    const root = await freshRoot('office');
    const events = startWatcher(root, fixtureArgv('vmadm-events.txt'), { SMARTOS_SIM_SPEED: '1' });
    await new Promise((r) => setTimeout(r, 400));
    expect((await runVm(root, ['vmadm', 'stop', MYSQL], { SMARTOS_SIM_SPEED: '1' })).code).toBe(0);
    await events.waitFor((l) => l.includes('state changed :: "stopping" -> "stopped"'));
    expect(await events.stop()).toEqual({ code: 0, signal: null });
    // The fixture's lines are not in one order with itself (its first event prints state
    // before zone_state, its last zone_state first, 1 ms apart); vminfod diffs in key order
    // (zone_state before state) in one event. So: the state lines in order, the zone_state
    // lines in order, times aside.
    const strip = (l: string): string => l.replace(/^\[\d\d:\d\d:\d\d\.\d{3}Z\]/, '[T]');
    const ours = events.lines().map(strip);
    const expected = fixture('vmadm-events.txt').trimEnd().split('\n').map(strip);
    for (const key of [': state changed', ': zone_state changed'])
      expect(ours.filter((l) => l.includes(key))).toEqual(expected.filter((l) => l.includes(key)));
    for (const line of events.lines())
      expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}Z\] 3d6d023b MySQL-PerconaDB modify: /);
  });

  it('vmadm-events-jr.jsonl: ready first, then modify events holding the fixture changes', async () => {
    // vmadm.js prints JSON.stringify(ev) whole: `vms` on ready and `vm` on modify are kept and
    // changes keep diff.js's key order (prettyPath first) -- the fixture drops/reorders those.
    const root = await freshRoot('office');
    const events = startWatcher(root, fixtureArgv('vmadm-events-jr.jsonl'), { SMARTOS_SIM_SPEED: '1' });
    await events.waitFor((l) => l.startsWith('{"type":"ready"'));
    expect((await runVm(root, ['vmadm', 'stop', MYSQL], { SMARTOS_SIM_SPEED: '1' })).code).toBe(0);
    await events.waitFor((l) => l.includes('"oldValue":"stopping","newValue":"stopped"'));
    expect(await events.stop()).toEqual({ code: 0, signal: null });
    type Ev = {
      type: string;
      date: string;
      uuid: string;
      zonename?: string;
      changes?: Record<string, unknown>[];
      vms?: unknown;
      vm?: unknown;
    };
    const ours = events.lines().map((l) => JSON.parse(l) as Ev);
    const theirs = fixture('vmadm-events-jr.jsonl')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Ev);
    expect(Object.keys(ours[0] ?? {})).toEqual(['type', 'date', 'uuid', 'vms']);
    expect(ours[0]?.type).toBe('ready');
    const modifies = ours.slice(1);
    for (const ev of modifies) {
      expect(Object.keys(ev)).toEqual(['type', 'date', 'zonename', 'uuid', 'vm', 'changes']);
      expect(ev).toMatchObject({ type: 'modify', zonename: MYSQL, uuid: MYSQL });
      expect(ev.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const allChanges = modifies.flatMap((ev) => ev.changes ?? []);
    for (const c of allChanges) expect(Object.keys(c).slice(0, 3)).toEqual(['prettyPath', 'path', 'action']);
    for (const ev of theirs.slice(1))
      for (const change of ev.changes ?? []) expect(allChanges).toContainEqual(change);
    // the last fixture event's changes arrive together, in one event
    const last = (theirs.at(-1)?.changes ?? []).map((c) => JSON.stringify(c.path));
    expect(
      modifies.some((ev) => last.every((p) => (ev.changes ?? []).some((o) => JSON.stringify(o.path) === p))),
    ).toBe(true);
  });

  it('vmadm info: stopped and OS VMs are refused as VM.js words it', async () => {
    const root = await freshRoot('office');
    expect(await runVm(root, ['vmadm', 'info', POWERDNS])).toEqual({
      code: 1,
      stdout: '',
      stderr: `Unable to get VM info for VM ${POWERDNS}: no info types supported for brand joyent\n`,
    });
    await runVm(root, ['vmadm', 'stop', OCS]);
    expect(await runVm(root, ['vmadm', 'info', OCS, 'vnc'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `Unable to get VM info for VM ${OCS}: Unable to get info for vm from state "stopped", must be "running" or "stopping".\n`,
    });
  });

  it('vmadm validate update <brand>, bad brand, tty-less usage errors', async () => {
    const root = await freshRoot('office');
    expect(
      await runWithInput(root, ['vmadm', 'validate', 'update', 'joyent'], '{"alias":"x","brand":"kvm"}'),
    ).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '{\n  "bad_values": [],\n  "bad_properties": [\n    "brand"\n  ],\n  "missing_properties": []\n}\n',
    });
    expect(await runWithInput(root, ['vmadm', 'validate', 'create'], '{"brand":"zone"}')).toEqual({
      code: 1,
      stdout: '',
      stderr: '{\n  "bad_brand": "zone"\n}\n',
    });
    const r = await runWithInput(root, ['vmadm', 'validate', 'update'], '{}');
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith('Will not validate without a valid action and brand.\nUsage: ')).toBe(true);
  });

  it('vmadm update: JSON payload with set_/remove_ maps and nics; bad values change nothing', async () => {
    const root = await freshRoot('office');
    const payload = {
      alias: 'pdns',
      set_tags: { role: 'dns', tier: 1 },
      set_customer_metadata: { motd: 'hi' },
      add_nics: [{ nic_tag: 'admin', ip: '10.0.0.5', netmask: '255.255.255.0', primary: true }],
    };
    expect(await runWithInput(root, ['vmadm', 'update', POWERDNS], JSON.stringify(payload))).toEqual({
      code: 0,
      stdout: '',
      stderr: `Successfully updated VM ${POWERDNS}\n`,
    });
    let vm = JSON.parse((await runVm(root, ['vmadm', 'get', POWERDNS])).stdout) as Record<string, unknown>;
    expect(vm).toMatchObject({
      alias: 'pdns',
      tags: { role: 'dns', tier: 1 },
      customer_metadata: { motd: 'hi' },
    });
    const nics = vm.nics as Record<string, unknown>[];
    expect(nics.map((n) => [n.interface, n.primary])).toEqual([
      ['net0', undefined],
      ['net1', true],
    ]);
    const mac = String(nics[1]?.mac);
    await runWithInput(
      root,
      ['vmadm', 'update', POWERDNS],
      JSON.stringify({ remove_nics: [mac], remove_tags: ['tier'] }),
    );
    vm = JSON.parse((await runVm(root, ['vmadm', 'get', POWERDNS])).stdout) as Record<string, unknown>;
    expect((vm.nics as unknown[]).length).toBe(1);
    expect((vm.nics as Record<string, unknown>[])[0]?.primary).toBe(true);
    expect(vm.tags).toEqual({ role: 'dns' });
    // update_nics keyed by mac: a new address in `ips` form replaces `ip`/`netmask` too.
    const kept = String((vm.nics as Record<string, unknown>[])[0]?.mac);
    await runWithInput(
      root,
      ['vmadm', 'update', POWERDNS],
      JSON.stringify({ update_nics: [{ mac: kept, ips: ['10.1.2.3/16'], gateways: ['10.1.0.1'] }] }),
    );
    vm = JSON.parse((await runVm(root, ['vmadm', 'get', POWERDNS])).stdout) as Record<string, unknown>;
    expect((vm.nics as Record<string, unknown>[])[0]).toMatchObject({
      mac: kept,
      interface: 'net0',
      ip: '10.1.2.3',
      netmask: '255.255.0.0',
      ips: ['10.1.2.3/16'],
      gateway: '10.1.0.1',
      gateways: ['10.1.0.1'],
    });
    const before = (await runVm(root, ['vmadm', 'get', POWERDNS])).stdout;
    expect(await runVm(root, ['vmadm', 'update', POWERDNS, 'cpu_cap=-3'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Invalid value(s) for: cpu_cap\n',
    });
    expect(await runWithInput(root, ['vmadm', 'update', POWERDNS], '{"alias": }')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Invalid JSON payload: Unexpected token }\n',
    });
    expect((await runVm(root, ['vmadm', 'get', POWERDNS])).stdout).toBe(before);
  });
});
