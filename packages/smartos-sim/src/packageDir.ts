// Where this package lives on disk: found through package resolution (not this file's URL), so
// it is right both from src/ (tests) and from the esbuild bundles in dist/.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export const packageDir: string = dirname(
  createRequire(import.meta.url).resolve('@zonedeck/smartos-sim/package.json'),
);
