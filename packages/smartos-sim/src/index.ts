// @zonedeck/smartos-sim: the embedded simulated SmartOS host. The executables in bin/ are the
// interface (the driver runs them like SmartOS's own); this module only sets the host up.
import { delimiter } from 'node:path';

import { bootHost } from './admin/bootHost.js';
import { simBinDir } from './simBin.js';
import { simLayout } from './state/layout.js';
import { SIM_ROOT_ENV } from './state/simRoot.js';

export { initSim, type InitSimOptions } from './state/initState.js';
export { isSimInitialised } from './state/simRoot.js';
export { simProfiles, type SimProfile } from './seed/profiles.js';

export { simBinDir } from './simBin.js';
export {
  startImageServer,
  IMAGE_MIB_ENV,
  type ImageServer,
  type ImageServerOptions,
} from './imgapi/server.js';
export { ensureImageServer, stopImageServer } from './imgapi/daemon.js';

/** Environment for running the simulated executables: their bin first on PATH, and the state root. */
export function simEnv(root: string, base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const path = base.PATH ?? '';
  return {
    PATH: path === '' ? simBinDir : `${simBinDir}${delimiter}${path}`,
    [SIM_ROOT_ENV]: root,
  };
}

/**
 * What the host does for its VMs when it boots (`smartos-sim boot`): running kvm and bhyve VMs
 * whose guest process is gone get it back. Idempotent; starts guests without waiting for them.
 * Resolves with the lines it would print.
 */
export async function bootSim(root: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const result = await bootHost(simLayout(root), { ...env, ...simEnv(root, env) });
  return result.stdout + result.stderr;
}

export { SSHD, startSshd, type SshdOptions, type TestSshd } from './sshd/simSshd.js';
