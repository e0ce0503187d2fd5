import { existsSync } from 'node:fs';

import { simLayout, type SimLayout } from './layout.js';

export const SIM_ROOT_ENV = 'SMARTOS_SIM_ROOT';

/** Why an executable cannot find its host: printed on stderr, exit 2. */
export class SimRootError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'SimRootError';
  }
}

export function isSimInitialised(root: string): boolean {
  const layout = simLayout(root);
  return existsSync(layout.simFile) && existsSync(layout.hostFile) && existsSync(layout.vmsDir);
}

/** The state directory named by $SMARTOS_SIM_ROOT, which must be initialised. */
export function requireSimLayout(env: NodeJS.ProcessEnv = process.env): SimLayout {
  const root = env[SIM_ROOT_ENV];
  if (root === undefined || root === '') {
    throw new SimRootError(
      `smartos-sim: ${SIM_ROOT_ENV} is not set; point it at a simulator state directory (smartos-sim init --profile office)`,
    );
  }
  if (!isSimInitialised(root)) {
    throw new SimRootError(
      `smartos-sim: ${root} is not an initialised simulator state directory (run: smartos-sim init --root ${root} --profile office)`,
    );
  }
  return simLayout(root);
}
