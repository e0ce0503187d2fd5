// The qemu command line of a simulated kvm/bhyve VM: the small Linux guest, its consoles on the
// zone's sockets (REFERENCE 1.8), TCG unless the image's probe showed KVM really works.
import type { GuestImage } from './guestKind.js';
import type { GuestPaths } from './guestPaths.js';

export interface QemuGuestSpec {
  image: GuestImage;
  paths: GuestPaths;
  hostname: string;
  rootPassword: string;
  /** guest RAM in MiB: 128 (64 does not boot this kernel) */
  memoryMiB?: number;
}

/** Kernel command line words may not contain blanks: keep a hostname/password usable. */
function cmdlineWord(value: string): string {
  return value.replace(/[^A-Za-z0-9._@%+:,-]/g, '-');
}

export function qemuArgs(spec: QemuGuestSpec): string[] {
  const { image, paths } = spec;
  const append = [
    'console=tty0',
    'console=ttyS0',
    'quiet',
    `hostname=${cmdlineWord(spec.hostname)}`,
    `rootpw=${cmdlineWord(spec.rootPassword)}`,
  ].join(' ');
  return [
    '-name',
    `guest=${cmdlineWord(spec.hostname)}`,
    '-accel',
    image.accel,
    '-m',
    String(spec.memoryMiB ?? 128),
    '-nodefaults',
    '-vga',
    'std',
    '-kernel',
    image.kernel,
    '-initrd',
    image.initrd,
    '-append',
    append,
    '-display',
    'none',
    '-vnc',
    `unix:${paths.vnc}`,
    '-serial',
    `unix:${paths.serial},server,nowait`,
    '-serial',
    `unix:${paths.ttyb},server,nowait`,
    '-monitor',
    'none',
  ];
}
