// Option parsing as imgadm's dashdash does it (interspersed options, `--` ends options,
// bundled short flags, `-Pzones` / `-P zones`, `--opt=value`); errors are cmdln OptionErrors.
import { optionError } from './errors.js';

export interface OptionSpec {
  names: readonly string[];
  type: 'bool' | 'string' | 'arrayOfString';
  default?: string;
}

export type OptionValue = boolean | string | string[];

export interface Parsed {
  /** by the option's first name */
  opts: Record<string, OptionValue | undefined>;
  args: string[];
}

export function parseOptions(specs: readonly OptionSpec[], argv: readonly string[]): Parsed {
  const byName = new Map<string, OptionSpec>();
  for (const s of specs) for (const n of s.names) byName.set(n, s);
  const opts: Parsed['opts'] = {};
  for (const s of specs) if (s.default !== undefined) opts[s.names[0] ?? ''] = s.default;
  const add = (spec: OptionSpec, value: string | true): void => {
    const key = spec.names[0] ?? '';
    if (spec.type === 'arrayOfString') {
      const prev = opts[key];
      opts[key] = [...(Array.isArray(prev) ? prev : []), String(value)];
    } else opts[key] = value;
  };
  const args: string[] = [];
  let i = 0;
  for (; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      i += 1;
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      const spec = byName.get(name);
      if (spec === undefined) throw optionError(`unknown option: "--${name}"`);
      if (spec.type === 'bool') {
        if (eq >= 0)
          throw optionError(`argument given to "--${name}" option that does not take one: "${arg}"`);
        add(spec, true);
      } else if (eq >= 0) add(spec, arg.slice(eq + 1));
      else if (i + 1 >= argv.length) throw optionError(`do not have enough args for "--${name}" option`);
      else {
        i += 1;
        add(spec, argv[i] ?? '');
      }
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j += 1) {
        const name = arg[j] ?? '';
        const spec = byName.get(name);
        if (spec === undefined)
          throw optionError(
            arg.length > 2 ? `unknown option: "-${name}" in "${arg}" group` : `unknown option: "-${name}"`,
          );
        if (spec.type === 'bool') {
          add(spec, true);
          continue;
        }
        const rest = arg.slice(j + 1);
        if (rest !== '') add(spec, rest);
        else if (i + 1 >= argv.length) throw optionError(`do not have enough args for "-${name}" option`);
        else {
          i += 1;
          add(spec, argv[i] ?? '');
        }
        break;
      }
    } else args.push(arg);
  }
  args.push(...argv.slice(i));
  return { opts, args };
}

export const HELP: OptionSpec = { names: ['help', 'h'], type: 'bool' };

export function optString(p: Parsed, name: string): string | undefined {
  const v = p.opts[name];
  return typeof v === 'string' ? v : undefined;
}

export function optBool(p: Parsed, name: string): boolean {
  return p.opts[name] === true;
}
