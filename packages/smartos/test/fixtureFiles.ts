/**
 * Reads the fixture files beside this file (test/fixtures): each X.ext output sample has
 * X.cmd beside it with the argv as a JSON array; X.stderr.txt files are stderr.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const FIXTURE_DIR = new URL('./fixtures/', import.meta.url);

export interface Fixture {
  /** File name of the output sample, e.g. "vmadm-list-p.txt". */
  file: string;
  /** Its name without the extension, e.g. "vmadm-list-p" or "vmadm-start.stderr". */
  base: string;
  argv: string[];
  /** Which stream the sample is. */
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The text of one fixture file. */
export function fixtureText(file: string): string {
  return readFileSync(new URL(file, FIXTURE_DIR), 'utf8');
}

/** Every output sample with its argv. */
export function allFixtures(): Fixture[] {
  const files = readdirSync(FIXTURE_DIR).sort();
  return files
    .filter((file) => !file.endsWith('.cmd'))
    .map((file) => {
      const base = file.replace(/\.[^.]+$/, '');
      const argv = JSON.parse(fixtureText(`${base}.cmd`)) as string[];
      return {
        file,
        base,
        argv,
        stream: base.endsWith('.stderr') ? 'stderr' : 'stdout',
        text: fixtureText(file),
      };
    });
}

/** Samples whose argv starts with the given words, e.g. fixturesFor('vmadm', 'get'). */
export function fixturesFor(...prefix: string[]): Fixture[] {
  return allFixtures().filter((f) => prefix.every((word, i) => f.argv[i] === word));
}

/** One sample by file name. */
export function fixture(file: string): Fixture {
  const found = allFixtures().find((f) => f.file === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return found;
}

/** The value after an option in argv (`-o` → "uuid,alias"), if present. */
export function optionValue(argv: readonly string[], option: string): string | undefined {
  const i = argv.indexOf(option);
  return i >= 0 ? argv[i + 1] : undefined;
}
