// svcs and svcadm on a fresh office host, run as the real executables, against the fixtures.
// The office host keeps sendmail in maintenance (see seed/officeSmf.ts); the fixture host
// had no such service, so its lines are left out before comparing.
import { afterAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixtureArgv, freshRoot, run } from '../../test/simHarness.js';

afterAll(cleanupRoots);

/** The fixtures' clock: the morning after the boot, in UTC. */
const CLOCK = { SMARTOS_SIM_NOW: '2024-02-11T12:00:00Z', TZ: 'UTC' };
// state changes need a running clock: the svcadm tests use the real one
const FAST = { SMARTOS_SIM_SPEED: '50' };
const withoutSendmail = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !l.includes('svc:/network/smtp:sendmail'))
    .join('\n');

describe('svcs prints the fixtures byte for byte (sendmail aside)', () => {
  it.each(['svcs.txt', 'svcs-a.txt'])('%s', async (name) => {
    const root = await freshRoot('office');
    const result = await run(root, fixtureArgv(name), CLOCK);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(withoutSendmail(result.stdout)).toBe(fixture(name));
    expect(result.stdout).toContain('maintenance    Feb_10   svc:/network/smtp:sendmail\n');
  });
});

describe('svcs -H -o state,stime,fmri', () => {
  // The fixture lists disabled services, which illumos svcs.c shows only with -a (or when
  // named): -H and -o do not change which instances are listed. The simulator follows
  // svcs.c; with -a its output is the fixture's.
  it('prints the fixture with -a, and without -a leaves out the disabled services', async () => {
    const root = await freshRoot('office');
    const argv = fixtureArgv('svcs-H-o.txt');
    const all = await run(root, [argv[0] ?? 'svcs', '-a', ...argv.slice(1)], CLOCK);
    expect(withoutSendmail(all.stdout)).toBe(fixture('svcs-H-o.txt'));
    const enabled = await run(root, argv, CLOCK);
    expect(withoutSendmail(enabled.stdout)).toBe(
      fixture('svcs-H-o.txt')
        .split('\n')
        .filter((l) => !l.startsWith('disabled'))
        .join('\n'),
    );
  });
});

describe('svcs', () => {
  it('explains the service in maintenance with -x', async () => {
    const root = await freshRoot('office');
    const result = await run(root, fixtureArgv('svcs-x.txt'), CLOCK);
    expect(result.stdout).toBe(
      [
        'svc:/network/smtp:sendmail (sendmail SMTP mail transfer agent)',
        ' State: maintenance since Sat Feb 10 08:01:45 2024',
        'Reason: Start method failed repeatedly, last exited with status 1.',
        '   See: http://illumos.org/msg/SMF-8000-KS',
        '   See: sendmail(1M)',
        '   See: /var/svc/log/network-smtp:sendmail.log',
        'Impact: This service is not running.',
        '',
        '',
      ].join('\n'),
    );
    expect(fixture('svcs-x.txt')).toBe('');
    expect((await run(root, ['svcs', '-x', 'ssh'], CLOCK)).stdout).toBe('');
  });

  it('selects by FMRI, abbreviation and glob, and prints STIME by age', async () => {
    const root = await freshRoot('office');
    const one = await run(root, ['svcs', '-H', 'ssh', 'network/ipfilter', '*cron*'], CLOCK);
    expect(one.stdout).toBe(
      [
        'disabled       Feb_10   svc:/network/ipfilter:default',
        'online         Feb_10   svc:/network/ssh:default',
        'online          8:01:40 svc:/system/cron:default',
        '',
      ].join('\n'),
    );
    const later = await run(root, ['svcs', '-H', '-o', 'stime', 'cron'], {
      ...CLOCK,
      SMARTOS_SIM_NOW: '2025-03-01T00:00:00Z',
    });
    expect(later.stdout).toBe('2024\n');
  });

  it('fails on a pattern that matches nothing and on a bad column', async () => {
    const root = await freshRoot('office');
    expect(await run(root, ['svcs', 'nosuch'], CLOCK)).toEqual({
      code: 1,
      stdout: '',
      stderr: "svcs: Pattern 'nosuch' doesn't match any instances\n",
    });
    expect((await run(root, ['svcs', '-o', 'colour'], CLOCK)).stderr).toBe(
      'svcs: Unrecognized column "colour".\n',
    );
  });
});

describe('svcadm', () => {
  it('restarts silently, as the fixture says, passing through offline to online', async () => {
    const root = await freshRoot('office');
    // the host's clock set by hand: svcadm at T0, svcs at later instants (steps of 500 ms)
    const at = (ms: number) => ({
      TZ: 'UTC',
      SMARTOS_SIM_NOW: new Date(Date.parse(CLOCK.SMARTOS_SIM_NOW) + ms).toISOString(),
    });
    const result = await run(root, fixtureArgv('svcadm-restart.txt'), at(0));
    expect(result).toEqual({ code: 0, stdout: fixture('svcadm-restart.txt'), stderr: '' });
    const states: string[] = [];
    for (const ms of [1, 499, 501, 999, 1001]) {
      states.push((await run(root, ['svcs', '-H', '-o', 'state,stime', 'ssh'], at(ms))).stdout);
    }
    expect(states).toEqual([
      'online*        Feb_10\n',
      'online*        Feb_10\n',
      'offline*       12:00:00\n',
      'offline*       12:00:00\n',
      'online         12:00:01\n',
    ]);
  });

  it('disables and enables with -s, stored in smf.json', async () => {
    const root = await freshRoot('office');
    expect(await run(root, ['svcadm', 'disable', '-s', 'ssh'], FAST)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect((await run(root, ['svcs', '-H', '-o', 'state', 'ssh'], FAST)).stdout).toBe('disabled\n');
    expect((await run(root, ['svcs'], FAST)).stdout).not.toContain('ssh');
    expect((await run(root, ['svcadm', 'enable', '-s', 'svc:/network/ssh:default'], FAST)).code).toBe(0);
    expect((await run(root, ['svcs', '-H', '-o', 'state,stime', 'ssh'], FAST)).stdout).toMatch(/^online +\d/);
  });

  it('clears maintenance, after which svcs -x has nothing to say', async () => {
    const root = await freshRoot('office');
    expect((await run(root, ['svcadm', 'clear', 'sendmail'], FAST)).code).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect((await run(root, ['svcs', '-x'], FAST)).stdout).toBe('');
  });

  it('reports an unknown pattern, an ambiguous one and usage like svcadm', async () => {
    const root = await freshRoot('office');
    expect(await run(root, ['svcadm', 'enable', 'foo'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "svcadm: Pattern 'foo' doesn't match any instances\n",
    });
    const many = await run(root, ['svcadm', 'restart', 'svc:/system/smartdc']);
    expect(many.code).toBe(1);
    const ambiguous = await run(root, ['svcadm', 'restart', 'default']);
    expect(ambiguous.stderr).toMatch(/^svcadm: Pattern 'default' matches multiple instances:\n\tsvc:\//);
    const usage = await run(root, ['svcadm', 'frobnicate', 'ssh']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^Usage: svcadm /);
  });
});
