// zlogin's command line (illumos zlogin.c main()): getopt "dinCEINQSe:l:R:", then the zone and
// an optional command.
export interface ZloginArgs {
  console: boolean;
  quiet: boolean;
  /** the escape character (-e), default '~' */
  cmdchar: string;
  user?: string;
  zone: string;
  command: string[];
}

export const ZLOGIN_USAGE =
  'usage: zlogin [-dinCEINQS] [-e cmdchar] [-l user] zonename [command [args ...] ]';

export class ZloginUsageError extends Error {
  constructor(readonly detail?: string) {
    super(detail ?? 'usage');
    this.name = 'ZloginUsageError';
  }
}

/** -e's argument: a character, or ^X for a control character. */
function cmdcharOf(arg: string): string {
  if (arg.length === 2 && arg.startsWith('^'))
    return String.fromCharCode(arg.toUpperCase().charCodeAt(1) & 0x1f);
  if (arg.length !== 1) throw new ZloginUsageError('Invalid escape character');
  return arg;
}

export function parseZloginArgs(argv: readonly string[]): ZloginArgs {
  const out: Omit<ZloginArgs, 'zone' | 'command'> = { console: false, quiet: false, cmdchar: '~' };
  let i = 0;
  for (; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      i += 1;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (let j = 1; j < arg.length; j += 1) {
      const flag = arg[j] ?? '';
      if ('eRl'.includes(flag)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        if (value === undefined) throw new ZloginUsageError(`option requires an argument -- ${flag}`);
        if (flag === 'e') out.cmdchar = cmdcharOf(value);
        else if (flag === 'l') out.user = value;
        break;
      }
      if (flag === 'C') out.console = true;
      else if (flag === 'Q') out.quiet = true;
      else if (!'dinEINS'.includes(flag)) throw new ZloginUsageError(`illegal option -- ${flag}`);
    }
  }
  const [zone, ...command] = argv.slice(i);
  if (zone === undefined) throw new ZloginUsageError();
  if (out.console && out.user !== undefined)
    throw new ZloginUsageError('-l may not be specified for console login');
  if (out.console && command.length > 0)
    throw new ZloginUsageError('Commands may not be specified for console login.');
  return { ...out, zone, command };
}
