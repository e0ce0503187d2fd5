// Which guest runs a VM: QEMU booting the image built by scripts/build-guest-image.sh, or the
// built-in Node guest. SMARTOS_SIM_GUEST=qemu|builtin|none picks one (none: VMs run without a
// guest, no console sockets); unset, QEMU when both the emulator and the image are there.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

import { packageDir } from '../packageDir.js';

export const GUEST_ENV = 'SMARTOS_SIM_GUEST';
export const GUEST_DIR_ENV = 'ZONEDECK_GUEST_DIR';
export const QEMU_BINARY = 'qemu-system-x86_64';

export type GuestKind = 'qemu' | 'builtin';

export interface GuestImage {
  kernel: string;
  initrd: string;
  /** 'kvm' when the build script's probe booted under KVM, else 'tcg' */
  accel: 'kvm' | 'tcg';
}

export interface GuestChoice {
  kind: GuestKind | 'none';
  /** why, for vm.log: printed when the built-in guest stands in for QEMU */
  reason: string;
  qemu?: string;
  image?: GuestImage;
}

export function guestDir(env: NodeJS.ProcessEnv): string {
  const dir = env[GUEST_DIR_ENV];
  return dir !== undefined && dir !== '' ? dir : join(packageDir, 'guest');
}

/** The guest image, if the build script has made it. */
export function findGuestImage(env: NodeJS.ProcessEnv): GuestImage | undefined {
  const dir = guestDir(env);
  const kernel = join(dir, 'vmlinuz');
  const initrd = join(dir, 'initrd.gz');
  if (!existsSync(kernel) || !existsSync(initrd)) return undefined;
  let accel: 'kvm' | 'tcg' = 'tcg';
  try {
    accel = readFileSync(join(dir, 'accel'), 'utf8').trim() === 'kvm' ? 'kvm' : 'tcg';
  } catch {
    // no probe result: TCG works everywhere
  }
  return { kernel, initrd, accel };
}

/** An executable on $PATH, as execvp would find it. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function chooseGuest(env: NodeJS.ProcessEnv): GuestChoice {
  const wanted = env[GUEST_ENV] ?? '';
  if (wanted === 'none') return { kind: 'none', reason: `${GUEST_ENV}=none` };
  if (wanted === 'builtin') return { kind: 'builtin', reason: `${GUEST_ENV}=builtin` };
  const qemu = findOnPath(QEMU_BINARY, env);
  const image = findGuestImage(env);
  if (qemu !== undefined && image !== undefined) return { kind: 'qemu', reason: 'qemu', qemu, image };
  const missing = [
    ...(qemu === undefined ? [`${QEMU_BINARY} not on PATH`] : []),
    ...(image === undefined ? [`no guest image in ${guestDir(env)} (scripts/build-guest-image.sh)`] : []),
  ].join(', ');
  const asked = wanted === 'qemu' ? `${GUEST_ENV}=qemu but ` : '';
  return { kind: 'builtin', reason: `${asked}${missing}` };
}
