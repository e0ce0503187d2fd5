// zlogin through the real executable: in a PTY (node-pty, as the driver runs it), with a command,
// with piped stdin, and its refusals.
import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

import { spawn as spawnPty, type IPty } from 'node-pty';
import { afterAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixtureArgv, freshRoot, run } from '../../../test/simHarness.js';
import { simEnv } from '../../index.js';
import { EscapeDetector } from './escapeDetector.js';
import { parseZloginArgs } from './zloginArgs.js';

afterAll(cleanupRoots);

const POWERDNS = '024ab643-ed65-48ab-95f8-5e5976539bfa';
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';

/** zlogin in a pseudo-terminal, with everything it printed so far. */
function zloginPty(root: string, args: string[]): { pty: IPty; output: () => string; exit: Promise<number> } {
  let out = '';
  const pty = spawnPty('zlogin', args, {
    cols: 100,
    rows: 30,
    env: { ...process.env, ...simEnv(root), TERM: 'xterm' },
  });
  pty.onData((d) => (out += d));
  const exit = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  return { pty, output: () => out, exit };
}

async function waitFor(output: () => string, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${String(pattern)}: ${JSON.stringify(output())}`);
    await sleep(25);
  }
}

describe('zlogin <zone> <cmd>', () => {
  it('runs the command in the zone: hostname, uname -a as the fixture shows', async () => {
    const root = await freshRoot();
    expect(await run(root, ['zlogin', POWERDNS, 'hostname'])).toEqual({
      code: 0,
      stdout: 'powerdns\n',
      stderr: '',
    });
    expect(await run(root, fixtureArgv('zlogin-cmd-uname.txt'))).toEqual({
      code: 0,
      stdout: fixture('zlogin-cmd-uname.txt'),
      stderr: '',
    });
    expect((await run(root, ['zlogin', POWERDNS, 'pwd'])).stdout).toBe(`${root}/zones/${POWERDNS}/root\n`);
  });

  it("propagates the command's exit code and output streams", async () => {
    const root = await freshRoot();
    expect(await run(root, ['zlogin', POWERDNS, 'echo out; echo err >&2; exit 7'])).toEqual({
      code: 7,
      stdout: 'out\n',
      stderr: 'err\n',
    });
    expect((await run(root, ['zlogin', POWERDNS, 'false'])).code).toBe(1);
  });

  it('refuses a stopped zone, an unknown zone and a bad command line', async () => {
    const root = await freshRoot();
    await run(root, ['vmadm', 'stop', DHCP], { SMARTOS_SIM_SPEED: '100' });
    expect(await run(root, ['zlogin', DHCP, 'hostname'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `zlogin: login allowed only to running zones (${DHCP} is 'installed').\n`,
    });
    expect(await run(root, ['zlogin', 'nosuchzone', 'ls'])).toMatchObject({
      code: 1,
      stderr: "zlogin: zone 'nosuchzone' unknown\n",
    });
    expect((await run(root, ['zlogin'])).code).toBe(2);
  });
});

describe('zlogin <zone> interactive', () => {
  it('in a PTY: banner, a shell with the zone prompt, hostname, and the closing line', async () => {
    const root = await freshRoot();
    const s = zloginPty(root, [POWERDNS]);
    await waitFor(s.output, new RegExp(`\\[Connected to zone '${POWERDNS}' pts/\\d+\\]`));
    await waitFor(s.output, /\[root@powerdns [^\]]*\]# $/);
    s.pty.write('hostname; echo hi-$((6*7))\r');
    await waitFor(s.output, /\r\npowerdns\r\nhi-42\r\n/);
    s.pty.write('exit\r');
    expect(await s.exit).toBe(0);
    expect(s.output()).toMatch(new RegExp(`\\[Connection to zone '${POWERDNS}' pts/\\d+ closed\\]`));
  });

  it('with stdin a pipe: runs the piped commands without a terminal', async () => {
    const root = await freshRoot();
    const out = await new Promise<string>((resolve, reject) => {
      const child = execFile(
        'zlogin',
        [POWERDNS],
        { env: { ...process.env, ...simEnv(root) } },
        (err, stdout) => (err ? reject(new Error(err.message)) : resolve(stdout)),
      );
      child.stdin?.end('hostname\necho piped\n');
    });
    expect(out).toBe('powerdns\npiped\n');
  });

  it('zlogin -C: console login prompt, ~. detaches', async () => {
    const root = await freshRoot();
    const s = zloginPty(root, ['-C', POWERDNS]);
    await waitFor(s.output, new RegExp(`\\[Connected to zone '${POWERDNS}' console\\]`));
    await waitFor(s.output, /powerdns console login: $/);
    s.pty.write('root\r');
    await waitFor(s.output, /Password: $/);
    s.pty.write('root\r');
    await waitFor(s.output, /\[root@powerdns [^\]]*\]# $/);
    s.pty.write('hostname\r');
    await waitFor(s.output, /\r\npowerdns\r\n/);
    s.pty.write('\r~.');
    expect(await s.exit).toBe(0);
    expect(s.output()).toContain(`[Connection to zone '${POWERDNS}' console closed]`);
  });
});

describe('zlogin parts', () => {
  it('parses options like getopt "dinCEINQSe:l:R:"', () => {
    expect(parseZloginArgs(['-C', 'z'])).toMatchObject({ console: true, zone: 'z', command: [] });
    expect(parseZloginArgs(['-Q', '-e', '^]', 'z', 'ls', '-l'])).toMatchObject({
      quiet: true,
      cmdchar: '\x1d',
      zone: 'z',
      command: ['ls', '-l'],
    });
    expect(() => parseZloginArgs(['-C', 'z', 'ls'])).toThrow(/Commands may not be specified/);
  });

  it('the escape is ~. at the start of a line only', () => {
    const e = new EscapeDetector('~');
    expect(e.feed('a~.b')).toEqual({ forward: 'a~.b', disconnect: false });
    expect(e.feed('\r~~x')).toEqual({ forward: '\r~x', disconnect: false });
    expect(e.feed('\r~.')).toEqual({ forward: '\r', disconnect: true });
  });
});
