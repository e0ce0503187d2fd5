import { describe, expect, it } from 'vitest';

import { allFixtures } from '../test/fixtureFiles.js';
import {
  classifyStderr,
  describeArgv,
  errorFromExit,
  SMARTOS_ERROR_CODES,
  SmartosError,
  type SmartosErrorCode,
} from './errors.js';

/**
 * What each stderr sample means. `undefined`: a success or informational message (vmadm
 * writes those to stderr and exits 0). Every *.stderr.txt must be listed here.
 */
const EXPECTED: Record<string, { code: SmartosErrorCode | undefined; properties?: string[] }> = {
  'imgadm-delete-in-use.stderr': { code: 'ImageInUse' },
  'imgadm-get-not-installed.stderr': { code: 'ImageNotInstalled' },
  'vmadm-create-bad-json.stderr': { code: undefined },
  'vmadm-create-invalid-value.stderr': { code: 'InvalidProperty', properties: ['max_physical_memory'] },
  'vmadm-create-snapshot.stderr': { code: undefined },
  'vmadm-create.stderr': { code: undefined },
  'vmadm-delete-snapshot.stderr': { code: undefined },
  'vmadm-delete.stderr': { code: undefined },
  'vmadm-get-not-found.stderr': { code: 'VmNotFound' },
  'vmadm-info-serial-error.stderr': { code: undefined },
  'vmadm-list-bad-filter.stderr': { code: 'InvalidProperty', properties: ['colour'] },
  'vmadm-reboot.stderr': { code: undefined },
  'vmadm-rollback-snapshot.stderr': { code: undefined },
  'vmadm-start-already-running.stderr': { code: undefined },
  'vmadm-start-bad-uuid.stderr': { code: 'InvalidUuid' },
  'vmadm-start.stderr': { code: undefined },
  'vmadm-stop-F.stderr': { code: undefined },
  'vmadm-stop-not-running.stderr': { code: 'NotRunning' },
  'vmadm-stop.stderr': { code: undefined },
  'vmadm-update.stderr': { code: undefined },
  'vmadm-validate-create-invalid.stderr': { code: 'InvalidProperty', properties: ['ram', 'colour'] },
  'vmadm-validate-create.stderr': { code: undefined },
  'zfs-destroy-not-exist.stderr': { code: 'DatasetNotFound' },
  'zfs-rollback-newer.stderr': { code: undefined },
  'zpool-scrub-busy.stderr': { code: 'PoolBusy' },
};

const stderrFixtures = allFixtures().filter((f) => f.stream === 'stderr');

describe('classifyStderr on every stderr sample', () => {
  it('has an expectation for every sample', () => {
    expect(stderrFixtures.map((f) => f.base).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(stderrFixtures.map((f) => [f.base, f] as const))('%s', (base, f) => {
    const expected = EXPECTED[base];
    const found = classifyStderr(f.text);
    expect(found?.code).toBe(expected?.code);
    if (expected?.properties) expect(found?.properties).toEqual(expected.properties);
  });

  it('turns a failed command into a readable error (vmadm get of a missing VM)', () => {
    const f = stderrFixtures.find((x) => x.base === 'vmadm-get-not-found.stderr');
    if (!f) throw new Error('fixture missing');
    const err = errorFromExit(f.argv, 1, f.text);
    expect(err).toBeInstanceOf(SmartosError);
    expect(err).toMatchObject({ code: 'VmNotFound', argv: f.argv, exitCode: 1, stderr: f.text });
    expect(err.message).toMatchInlineSnapshot(
      `"vmadm get 11111111-2222-3333-4444-555555555555 failed with exit code 1: zoneadm: 11111111-2222-3333-4444-555555555555: No such zone configured"`,
    );
  });

  it('names the line that decided, not the usage text after it', () => {
    const f = stderrFixtures.find((x) => x.base === 'vmadm-start-bad-uuid.stderr');
    if (!f) throw new Error('fixture missing');
    const err = errorFromExit(f.argv, 2, f.text);
    expect(err.code).toBe('InvalidUuid');
    expect(err.message).toBe(
      'vmadm start powerdns failed with exit code 2: Invalid or missing UUID for start',
    );
  });

  it('names the properties of a validation failure', () => {
    const f = stderrFixtures.find((x) => x.base === 'vmadm-validate-create-invalid.stderr');
    if (!f) throw new Error('fixture missing');
    const err = errorFromExit(f.argv, 1, f.text);
    expect(err.properties).toEqual(['ram', 'colour']);
    expect(err.message).toBe(
      'vmadm validate create failed with exit code 1: Invalid value(s) for: ram,colour',
    );
  });

  it('falls back to CommandFailed with the first stderr line', () => {
    const f = stderrFixtures.find((x) => x.base === 'zfs-rollback-newer.stderr');
    if (!f) throw new Error('fixture missing');
    const err = errorFromExit(f.argv, 1, f.text);
    expect(err.code).toBe('CommandFailed');
    expect(err.message).toBe(
      "zfs rollback zones/024ab643-ed65-48ab-95f8-5e5976539bfa@vmsnap-before-upgrade failed with exit code 1: cannot rollback to 'zones/024ab643-ed65-48ab-95f8-5e5976539bfa@vmsnap-before-upgrade': more recent snapshots or bookmarks exist",
    );
  });
});

describe('classifyStderr on known lines from REFERENCE.md and ssh', () => {
  it.each<[string, SmartosErrorCode, string[]?]>([
    ['Missing required properties: brand,ram', 'MissingProperty', ['brand', 'ram']],
    ['Invalid value(s) for: quota, cpu_cap', 'InvalidProperty', ['quota', 'cpu_cap']],
    ['Invalid brand while validating payload: "xen"', 'InvalidProperty', ['brand']],
    ['Invalid value for cpu_cap: null:number', 'InvalidProperty', ['cpu_cap']],
    ['Unable to start VM 024ab643-ed65-48ab-95f8-5e5976539bfa: bad statusCode: 404', 'VmNotFound'],
    ['VM 024ab643-ed65-48ab-95f8-5e5976539bfa not found', 'VmNotFound'],
    ['Invalid lookup key: "colour"', 'InvalidProperty', ['colour']],
    ['invalid sort field: -colour', 'InvalidProperty', ['colour']],
    ['invalid order field: colour', 'InvalidProperty', ['colour']],
    ['Requested unique lookup but found 0 results.', 'VmNotFound'],
    [
      'Unable to start VM 024ab643-ed65-48ab-95f8-5e5976539bfa: zoneadm: 024ab643-ed65-48ab-95f8-5e5976539bfa: No such zone configured',
      'VmNotFound',
    ],
    ['Image c193a558-1d63-11e9-97cf-97bb3ee5c14f not found in zpool zones', 'ImageNotInstalled'],
    [
      'Command failed: imgadm get: error (ImageNotInstalled): image "c193a558-1d63-11e9-97cf-97bb3ee5c14f" was not found on zpool "zones"',
      'ImageNotInstalled',
    ],
    [
      'Unable to get VM info for VM 4cda7281-45e1-4485-8648-848f7211c938: Unable to get info for vm from state "stopped", must be "running" or "stopping".',
      'NotRunning',
    ],
    ['cannot connect to console when state is "stopped" must be "running".', 'NotRunning'],
    [
      "zlogin: login allowed only to running zones (024ab643-ed65-48ab-95f8-5e5976539bfa is 'installed').",
      'NotRunning',
    ],
    [
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
      'HostKeyMismatch',
    ],
    ['Host key verification failed.', 'HostKeyMismatch'],
    ['ssh: connect to host 10.0.0.5 port 22: Connection refused', 'HostUnreachable'],
    ['ssh: connect to host 10.0.0.5 port 22: No route to host', 'HostUnreachable'],
    ['ssh: Could not resolve hostname nohost: Name or service not known', 'HostUnreachable'],
    ['Connection closed by 10.0.0.5 port 22', 'HostUnreachable'],
    ['bash: vmadm: command not found', 'CommandNotFound'],
    ['bash: line 1: vmadm: command not found', 'CommandNotFound'],
    ['sh: 1: vmadm: not found', 'CommandNotFound'],
    ['{\n  "missing_properties": ["brand"]\n}\n', 'MissingProperty', ['brand']],
    ['{\n  "bad_brand": "xen"\n}\n', 'InvalidProperty', ['brand']],
    ['imgadm get: error (ImageNotFound): image "x" was not found', 'ImageNotFound'],
    [
      'imgadm import: error (ActiveImageNotFound): an active image "c193a558-1d63-11e9-97cf-97bb3ee5c14f" was not found in image sources',
      'ImageNotFound',
    ],
    ["cannot destroy 'zones/x@snap': dataset does not exist", 'DatasetNotFound'],
    ["cannot scrub zones: currently resilvering; use 'zpool scrub -s' to cancel current scrub", 'PoolBusy'],
    ["svcadm: Pattern 'foo' doesn't match any instances", 'ServiceNotFound'],
    ["svcs: Pattern 'svc:/no/such:default' doesn't match any instances", 'ServiceNotFound'],
  ])('%s → %s', (stderr, code, properties) => {
    const found = classifyStderr(stderr);
    expect(found?.code).toBe(code);
    if (properties) expect(found?.properties).toEqual(properties);
  });

  it.each([
    'Successfully created VM 9b6f2e4a-3c1d-4b8e-a7f0-5d2c8e1b6a93',
    'imgadm get: error (NoSources): imgadm has no configured sources',
    '',
    '\n\n',
    '{ not json',
  ])('knows nothing of %j', (stderr) => {
    expect(classifyStderr(stderr)).toBeUndefined();
  });

  it('reads CRLF stderr', () => {
    expect(classifyStderr('zoneadm: x: No such zone configured\r\n')?.line).toBe(
      'zoneadm: x: No such zone configured',
    );
  });
});

describe('errorFromExit and SmartosError', () => {
  it('reports exit 127 without a known line as CommandNotFound', () => {
    expect(errorFromExit(['vmadm', 'list'], 127, '').code).toBe('CommandNotFound');
    expect(errorFromExit(['vmadm', 'list'], 1, '').message).toBe('vmadm list failed with exit code 1');
  });

  it('quotes arguments with blanks or shell characters in messages', () => {
    expect(describeArgv(['zlogin', 'u', 'echo $(id)', "it's"])).toBe(`zlogin u 'echo $(id)' 'it'\\''s'`);
    expect(describeArgv([])).toBe('(no command)');
  });

  it('carries code, argv, exit code, stderr and cause', () => {
    const cause = new Error('inner');
    const err = new SmartosError({ code: 'Timeout', argv: ['sysinfo'], message: 'slow', cause });
    expect(err).toMatchObject({
      name: 'SmartosError',
      code: 'Timeout',
      argv: ['sysinfo'],
      exitCode: null,
      stderr: '',
    });
    expect(err.cause).toBe(cause);
    expect(err).toBeInstanceOf(Error);
  });

  it('lists every code once', () => {
    expect(new Set(SMARTOS_ERROR_CODES).size).toBe(SMARTOS_ERROR_CODES.length);
    expect(SMARTOS_ERROR_CODES.length).toBe(18);
  });
});
