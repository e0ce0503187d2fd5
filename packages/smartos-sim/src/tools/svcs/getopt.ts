// A getopt(3C) for the simulated C tools: clustered flags (`-aH`), option arguments
// attached or separate (`-ostate`, `-o state`), `--` ends options, the first operand ends them.
export interface GetoptResult {
  options: { flag: string; value?: string }[];
  operands: string[];
  /** The first bad flag and why, as getopt prints it. */
  error?: string;
}

export function getopt(argv: readonly string[], spec: string): GetoptResult {
  const options: { flag: string; value?: string }[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j] ?? '';
      const at = spec.indexOf(flag);
      if (at < 0 || flag === ':') return { options, operands: [], error: `illegal option -- ${flag}` };
      if (spec[at + 1] === ':') {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
        if (value === undefined)
          return { options, operands: [], error: `option requires an argument -- ${flag}` };
        options.push({ flag, value });
        break;
      }
      options.push({ flag });
    }
  }
  return { options, operands: argv.slice(i) };
}
