// The option parsing vmadm gets from nopt: long options, short hands (which may carry a
// value, as -H = --header false), clustered short flags (-pH), `--name=value`, `--`, and
// options anywhere among the operands. Operands end up in `remain`.

export type OptType = 'boolean' | 'string' | 'number';
export type OptValue = boolean | string | number;

export interface OptionSpec {
  /** long name -> type */
  known: Record<string, OptType>;
  /** short letter -> [long name, value it implies (booleans)] */
  shorts: Record<string, readonly [string, string?]>;
}

export interface ParsedArgs {
  values: Map<string, OptValue>;
  remain: string[];
}

function convert(type: OptType | undefined, raw: string): OptValue {
  if (type === 'number') return Number(raw);
  if (type === 'boolean') return raw !== 'false';
  return raw;
}

export function parseArgs(args: readonly string[], spec: OptionSpec): ParsedArgs {
  const values = new Map<string, OptValue>();
  const remain: string[] = [];
  let i = 0;

  const take = (name: string, implied: string | undefined): void => {
    const type = Object.hasOwn(spec.known, name) ? spec.known[name] : undefined;
    if (implied !== undefined) {
      values.set(name, convert(type, implied));
      return;
    }
    const next = args[i + 1];
    if (type === 'boolean') {
      if (next === 'true' || next === 'false') {
        values.set(name, next === 'true');
        i += 1;
      } else {
        values.set(name, true);
      }
      return;
    }
    if (type === 'string' || type === 'number') {
      // nopt takes the next argument as the value even when it starts with '-' (-s -ram)
      if (next === undefined || next === '--') {
        values.set(name, type === 'string' ? '' : Number.NaN);
      } else {
        values.set(name, convert(type, next));
        i += 1;
      }
      return;
    }
    // unknown option: nopt takes a following non-option argument as its value
    if (next !== undefined && !next.startsWith('-')) {
      values.set(name, next);
      i += 1;
    } else {
      values.set(name, true);
    }
  };

  for (; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      remain.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        const name = arg.slice(2, eq);
        values.set(name, convert(spec.known[name], arg.slice(eq + 1)));
      } else if (arg.startsWith('--no-') && spec.known[arg.slice(5)] === 'boolean') {
        values.set(arg.slice(5), false);
      } else {
        take(arg.slice(2), undefined);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const letters = arg.slice(1);
      const whole = spec.shorts[letters];
      if (whole !== undefined) {
        take(whole[0], whole[1]);
        continue;
      }
      const cluster = [...letters];
      if (cluster.length > 1 && cluster.every((c) => spec.shorts[c] !== undefined)) {
        for (const c of cluster) {
          const short = spec.shorts[c];
          if (short === undefined) continue;
          // within a cluster only the last letter may take a value
          take(
            short[0],
            short[1] ??
              (spec.known[short[0]] === 'boolean' || c !== cluster[cluster.length - 1] ? 'true' : undefined),
          );
        }
        continue;
      }
      take(letters, undefined);
      continue;
    }
    remain.push(arg);
  }
  return { values, remain };
}

/** vmadm.js parseKeyEqualsValue(args, false): key=value pairs, last one wins. */
export function parseKeyEqualsValue(args: readonly string[]): Map<string, string> {
  const parsed = new Map<string, string>();
  for (const arg of args) {
    const kv = arg.split('=');
    parsed.set(kv[0] ?? '', kv.slice(1).join('='));
  }
  return parsed;
}
