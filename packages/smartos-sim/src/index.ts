// @zonedeck/smartos-sim: the embedded simulated SmartOS host. The executables in bin/ are the
// interface (the driver runs them like SmartOS's own); this module only sets the host up.
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

import { SIM_ROOT_ENV } from './state/simRoot.js';

export { initSim, type InitSimOptions } from './state/initState.js';
export { isSimInitialised } from './state/simRoot.js';
export { simProfiles, type SimProfile } from './seed/profiles.js';

/**
 * Absolute path of the directory holding the simulated executables (vmadm, sysinfo, ...).
 * Found through package resolution rather than this file's own URL, so it stays right when
 * the BFF bundles this module into its dist/.
 */
export const simBinDir: string = join(
  dirname(createRequire(import.meta.url).resolve('@zonedeck/smartos-sim/package.json')),
  'bin',
);

/** Environment for running the simulated executables: their bin first on PATH, and the state root. */
export function simEnv(root: string, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const path = base.PATH ?? '';
  return {
    PATH: path === '' ? simBinDir : `${simBinDir}${delimiter}${path}`,
    [SIM_ROOT_ENV]: root,
  };
}

export { SSHD, startSshd, type SshdOptions, type TestSshd } from './sshd/simSshd.js';
