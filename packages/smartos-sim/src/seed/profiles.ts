import { largeSeed } from './large.js';
import { officeSeed } from './office.js';
import type { SeedHost } from './profile.js';

/** The seed profiles a simulated host can start from. */
export const simProfiles = {
  office: {
    description: 'the example office host: six VMs (four OS zones, two KVM guests), as in the fixtures',
    seed: officeSeed,
  },
  large: {
    description: 'a big host with 2,000 VMs of every brand (joyent, lx, kvm, bhyve), deterministic',
    seed: () => largeSeed(),
  },
} as const satisfies Record<string, { description: string; seed: () => SeedHost }>;

export type SimProfile = keyof typeof simProfiles;

export function isSimProfile(name: string): name is SimProfile {
  return Object.hasOwn(simProfiles, name);
}
