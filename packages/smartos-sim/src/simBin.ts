import { join } from 'node:path';

import { packageDir } from './packageDir.js';

/**
 * Absolute path of the directory holding the simulated executables (vmadm, sysinfo, ...):
 * right from src/, from the executables' own bundles and when the BFF bundles this module.
 */
export const simBinDir: string = join(packageDir, 'bin');
