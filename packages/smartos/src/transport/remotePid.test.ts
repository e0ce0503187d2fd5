import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { killGroupArgv, PidReportFilter, reportingCommandLine } from './remotePid.js';

/** Feeds text to a filter in the given chunk sizes; returns the pid and what passed through. */
function filter(text: string, chunk: number): { pid: number | undefined; out: string } {
  const f = new PidReportFilter();
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(f.push(bytes.subarray(i, i + chunk)));
  out.push(f.end());
  return { pid: f.pid, out: Buffer.concat(out).toString() };
}

describe('remotePid', () => {
  it('reports the pid on stderr and execs the command in its place', () => {
    const line = reportingCommandLine(['sh', '-c', 'echo "$$ $1" >&2; echo out', 'sh', "it's"]);
    expect(line).toBe(
      `echo zonedeck-pid:$$ >&2; exec 'sh' '-c' 'echo "$$ $1" >&2; echo out' 'sh' 'it'\\''s'`,
    );
    const run = spawnSync('/bin/sh', ['-c', line], { encoding: 'utf8' });
    expect(run.stdout).toBe('out\n');
    const { pid, out } = filter(run.stderr, 1);
    // exec kept the pid: the command saw the same $$ the marker reported
    expect(out).toBe(`${pid} it's\n`);
  });

  it('takes the marker line out wherever the chunks split, keeping what came before it', () => {
    const text = 'motd noise\nzonedeck-pid:4242\nreal error\n';
    for (const size of [1, 2, 5, 17, 1000]) {
      expect(filter(text, size)).toEqual({ pid: 4242, out: 'motd noise\nreal error\n' });
    }
  });

  it('passes stderr through untouched when no marker comes', () => {
    expect(filter('not zonedeck-pid:12\nplain\n', 3)).toEqual({
      pid: undefined,
      out: 'not zonedeck-pid:12\nplain\n',
    });
    expect(filter('x'.repeat(70_000), 4096).out).toHaveLength(70_000);
  });

  it('kills the whole process group', () => {
    expect(killGroupArgv(77)).toEqual(['kill', '-s', 'KILL', '--', '-77']);
  });
});
