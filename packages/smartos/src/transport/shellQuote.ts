/**
 * The one place a command line is built from argv: for SshTransport, which must send the
 * remote shell one string. Every argument is single-quoted (inside single quotes a POSIX
 * shell expands nothing), and each embedded ' becomes '\'' (close, escaped quote, reopen).
 * Quoting every word, not only "unsafe" ones, also keeps the first word from being read as
 * a keyword, an alias or a NAME=value assignment.
 *
 * The remote login shell must be a POSIX shell (sh, bash, ksh, zsh; not csh/tcsh).
 */
import { SmartosError } from '../errors.js';

/** Quotes one argument so a POSIX shell reads it back as exactly one word, byte for byte. */
export function shellQuote(arg: string): string {
  if (arg.includes('\0')) {
    // No shell word, and no argv element of execve, can hold a NUL byte.
    throw new SmartosError({
      code: 'CommandFailed',
      message: 'a command argument cannot contain a NUL byte',
    });
  }
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** Joins argv into one command line a POSIX shell splits back into the same argv. */
export function commandLine(argv: readonly string[]): string {
  if (argv.length === 0 || argv[0] === '') {
    throw new SmartosError({ code: 'CommandFailed', argv, message: 'a command line needs a non-empty argv' });
  }
  return argv.map(shellQuote).join(' ');
}
