// Which ZFS a seeded host starts with, per profile.
import type { JsonObject } from '../state/json.js';
import type { ZfsState } from '../state/zfsStore.js';
import { officeZfs } from './officeZfs.js';
import type { SeedHost } from './profile.js';
import type { SimProfile } from './profiles.js';
import { seedZfs } from './zfsSeed.js';

export function seedZfsFor(profile: SimProfile, seed: SeedHost, images: readonly JsonObject[]): ZfsState {
  if (profile === 'office') return officeZfs(seed.sysinfo, seed.vms, images);
  // the large host overcommits its pool: guests' zvols are thin (no refreservation)
  return seedZfs({ sysinfo: seed.sysinfo, vms: seed.vms, images, thinDisks: true });
}
