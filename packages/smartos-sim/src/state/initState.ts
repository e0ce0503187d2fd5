import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { seedImages } from '../seed/installedImages.js';
import { simProfiles, type SimProfile } from '../seed/profiles.js';
import { seedZfsFor } from '../seed/zfsProfiles.js';
import { writeJsonAtomic } from './atomicWrite.js';
import { writeImage } from './imageStore.js';
import { localSource, PUBLIC_SOURCE_URL, writeSources } from './imgadmSources.js';
import { jsString } from './json.js';
import { simLayout, zonepathOf } from './layout.js';
import { withLock } from './lock.js';
import { isSimInitialised } from './simRoot.js';
import { writeZfs } from './zfsStore.js';

export interface InitSimOptions {
  root: string;
  profile: SimProfile;
  /** replace an existing simulator state directory */
  force?: boolean;
}

// What init owns inside the root; nothing else is ever deleted.
const OWNED = [
  'sim.json',
  'host.json',
  'counters.json',
  'vms',
  'zones',
  'images',
  'zfs.json',
  'imgadm',
  'var',
];
// Also the simulator's, but kept across `reset`: the image server's port (and its daemon).
const KEPT = ['imgapi'];

export class SimInitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimInitError';
  }
}

/**
 * Creates (or with `force` re-creates) the state directory of a simulated host seeded with
 * a profile. sim.json is written last, so a half-written directory is not "initialised".
 */
export async function initSim(opts: InitSimOptions): Promise<void> {
  const layout = simLayout(opts.root);
  if (!Object.hasOwn(simProfiles, opts.profile)) throw new SimInitError(`unknown profile "${opts.profile}"`);
  if (existsSync(layout.root)) {
    if (isSimInitialised(layout.root)) {
      if (!opts.force)
        throw new SimInitError(`${layout.root} is already initialised (use --force to replace it)`);
    } else {
      const foreign = readdirSync(layout.root).filter(
        (name) => !OWNED.includes(name) && !KEPT.includes(name) && name !== '.lock',
      );
      if (foreign.length > 0)
        throw new SimInitError(`${layout.root} exists and is not a simulator state directory`);
    }
  }
  mkdirSync(layout.root, { recursive: true });
  const seed = simProfiles[opts.profile].seed();
  // the image server's port is chosen once and kept (imgadm's default source points at it)
  const source = await localSource(layout);

  await withLock(layout.lockFile, () => {
    rmSync(layout.simFile, { force: true });
    for (const name of OWNED) rmSync(join(layout.root, name), { recursive: true, force: true });

    const vmsTmp = join(layout.root, `.vms.${process.pid}.tmp`);
    rmSync(vmsTmp, { recursive: true, force: true });
    mkdirSync(vmsTmp);
    for (const vm of seed.vms) {
      const uuid = jsString(vm.uuid);
      const zonepath = zonepathOf(layout, uuid);
      mkdirSync(join(zonepath, 'root', 'tmp'), { recursive: true });
      writeFileSync(join(vmsTmp, `${uuid}.json`), `${JSON.stringify({ ...vm, zonepath }, null, 2)}\n`);
    }
    renameSync(vmsTmp, layout.vmsDir);
    mkdirSync(layout.zonesDir, { recursive: true });
    const images = seedImages(opts.profile);
    for (const manifest of images) writeImage(layout, manifest, { source: PUBLIC_SOURCE_URL });
    writeSources(layout, [source]);
    writeZfs(layout, seedZfsFor(opts.profile, seed, images));
    writeJsonAtomic(layout.hostFile, seed.sysinfo);
    writeJsonAtomic(layout.countersFile, seed.counters);
    writeJsonAtomic(layout.simFile, { profile: opts.profile, createdAt: new Date().toISOString() });
  });
}
