// POSIX getopt(3) as illumos's zfs/zpool/kstat use it: clustered flags (-Hp), option
// arguments joined or separate (-oname / -o name), stops at the first operand or `--`.

export interface GetoptResult {
  opts: { flag: string; arg?: string }[];
  operands: string[];
  /** `invalid option 'x'` / `missing argument for 'o' option` */
  error?: { kind: 'invalid' | 'missing'; flag: string };
}

export function getopt(args: readonly string[], optstring: string): GetoptResult {
  const opts: GetoptResult['opts'] = [];
  let i = 0;
  for (; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      i += 1;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (let j = 1; j < arg.length; j += 1) {
      const flag = arg[j] ?? '';
      const at = optstring.indexOf(flag);
      if (at < 0 || flag === ':') return { opts, operands: [], error: { kind: 'invalid', flag } };
      if (optstring[at + 1] === ':') {
        let value = arg.slice(j + 1);
        if (value === '') {
          i += 1;
          const next = args[i];
          if (next === undefined) return { opts, operands: [], error: { kind: 'missing', flag } };
          value = next;
        }
        opts.push({ flag, arg: value });
        break;
      }
      opts.push({ flag });
    }
  }
  return { opts, operands: args.slice(i) };
}
