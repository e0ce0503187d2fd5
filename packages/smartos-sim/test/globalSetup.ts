// Builds the executables' bundles (dist/) once before the tests run them.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [join(pkg, 'build.mjs')], { cwd: pkg, stdio: 'inherit' });
}
