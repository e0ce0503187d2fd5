// Bundles each executable entry (src/cli/<tool>.ts) into dist/<tool>.js; bin/<tool> imports it.
// Plus dist/vm-guest.js, the guest daemon vmadm starts for running kvm/bhyve VMs.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const cliDir = join(here, 'src', 'cli');
const entries = readdirSync(cliDir).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'runMain.ts',
);

await build({
  entryPoints: {
    ...Object.fromEntries(entries.map((name) => [name.slice(0, -'.ts'.length), join(cliDir, name)])),
    // the daemon behind a running kvm/bhyve VM (not a SmartOS command: not in bin/)
    'vm-guest': join(here, 'src', 'guest', 'guestMain.ts'),
  },
  // native: loaded from node_modules at run time
  external: ['node-pty'],
  outdir: join(here, 'dist'),
  platform: 'node',
  format: 'esm',
  bundle: true,
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
