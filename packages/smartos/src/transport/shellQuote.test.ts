import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { ECHO_ARGV, hostileStrings } from '../../test/hostileStrings.js';
import { isSmartosError } from '../errors.js';
import { commandLine, shellQuote } from './shellQuote.js';

const scratch = mkdtempSync(join(tmpdir(), 'zonedeck-quote-'));
// files a glob would match if an argument were left unquoted
writeFileSync(join(scratch, 'abc'), '');
writeFileSync(join(scratch, 'x'), '');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HOSTILE = hostileStrings(scratch);
const SHELLS = ['/bin/sh', '/bin/bash'].filter((shell) => existsSync(shell));

/** Runs the quoted line in a real shell; returns the argv node received. */
function throughShell(shell: string, args: readonly string[]): string[] {
  const line = commandLine([process.execPath, '-e', ECHO_ARGV, '--', ...args]);
  const out = execFileSync(shell, ['-c', line], { cwd: scratch, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

/** The same with the external printf, NUL-terminated: cheap enough for one run per string. */
function throughPrintf(shell: string, args: readonly string[]): string[] {
  const line = commandLine(['/usr/bin/printf', '%s\\0', ...args]);
  const out = execFileSync(shell, ['-c', line], { cwd: scratch, encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const pwned = () => readdirSync(scratch).filter((name) => name.startsWith('pwned'));

describe('shellQuote', () => {
  it('single-quotes every word and writes an embedded quote as quote, escaped quote, quote', () => {
    expect(shellQuote('vmadm')).toBe(`'vmadm'`);
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote('$(x)')).toBe(`'$(x)'`);
    expect(commandLine(['vmadm', 'get', "it's"])).toBe(`'vmadm' 'get' 'it'\\''s'`);
  });

  it('refuses a NUL byte, and an empty argv', () => {
    for (const bad of [() => shellQuote('a\0b'), () => commandLine(['echo', '\0']), () => commandLine([])]) {
      let caught: unknown;
      try {
        bad();
      } catch (err) {
        caught = err;
      }
      expect(isSmartosError(caught, 'CommandFailed')).toBe(true);
    }
  });

  describe.each(SHELLS)('read back by %s -c', (shell) => {
    it.each(HOSTILE.map((s) => [JSON.stringify(s), s]))('delivers %s as one argument', (_, arg) => {
      expect(throughPrintf(shell, [arg])).toEqual([arg]);
    });

    it('delivers all of them at once, in order, and runs nothing', () => {
      expect(throughShell(shell, HOSTILE)).toEqual(HOSTILE);
      expect(pwned()).toEqual([]);
    });

    it('keeps the first word from being a keyword or an assignment', () => {
      const run = (argv: string[]) =>
        execFileSync(shell, ['-c', `${commandLine(argv)} 2>&1 || echo "exit $?"`], { encoding: 'utf8' });
      expect(run(['FOO=bar', 'true'])).toMatch(/not found|No such file/);
      expect(run(['if', 'true'])).toMatch(/not found|No such file/);
    });
  });
});
