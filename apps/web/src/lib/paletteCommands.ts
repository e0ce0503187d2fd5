// What the command palette offers a user: every page, and every action their role allows on the
// host's VMs, images and pools. Pure: tested in paletteCommands.test.ts.
import type { ImageManifest, Role, VmSummary } from '@zonedeck/api/schemas';
import type { ConsoleKind } from '@zonedeck/api/schemas/consoleProtocol';

import { consoleHref, kindsOf } from './consoleLinks';
import type { Theme } from './theme';
import { canAdminister, canOperate, powerActionsFor, vmName, type PowerAction } from './vmActions';

export type PaletteAction =
  | { kind: 'navigate'; href: string }
  | { kind: 'power'; action: PowerAction; vm: VmSummary }
  | { kind: 'import'; uuid: string; name: string }
  | { kind: 'scrub'; pool: string }
  | { kind: 'theme'; theme: Theme }
  | { kind: 'shortcuts' };

export interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
}

export interface PaletteCommand {
  /** Unique, and what cmdk matches the typed text against together with `keywords`. */
  id: string;
  group: 'Pages' | 'VMs' | 'Consoles' | 'Images' | 'Storage' | 'Preferences';
  label: string;
  keywords: string[];
  action: PaletteAction;
  /** Destructive commands ask first, naming exactly what they do to what. */
  confirm?: Confirmation;
}

export interface PaletteInput {
  role: Role | null;
  hostId: string;
  pages: readonly { href: string; label: string }[];
  vms: readonly VmSummary[];
  /** Catalog images not installed yet (admins only). */
  importable: readonly ImageManifest[];
  pools: readonly string[];
}

const powerLabels: Record<PowerAction, string> = {
  start: 'Start',
  stop: 'Stop',
  reboot: 'Reboot',
  forceStop: 'Force stop',
};

function powerConfirmation(action: PowerAction, name: string): Confirmation | undefined {
  switch (action) {
    case 'start':
      return undefined;
    case 'stop':
      return {
        title: `Stop ${name}?`,
        body: `${name} is shut down cleanly; whatever it serves is unavailable until it is started again.`,
        confirmLabel: 'Stop',
      };
    case 'reboot':
      return {
        title: `Reboot ${name}?`,
        body: `${name} shuts down and starts again; its services are unavailable meanwhile.`,
        confirmLabel: 'Reboot',
      };
    case 'forceStop':
      return {
        title: `Force stop ${name}?`,
        body: `${name} is halted at once, without a clean shutdown: unsaved data in it is lost.`,
        confirmLabel: 'Force stop',
      };
  }
}

const consoleLabels: Record<ConsoleKind, string> = { vnc: 'VNC', serial: 'serial', shell: 'shell' };

export function paletteCommands(input: PaletteInput): PaletteCommand[] {
  const { role, hostId, vms } = input;
  const operator = role !== null && canOperate(role);
  const admin = role !== null && canAdminister(role);
  const commands: PaletteCommand[] = [];

  for (const page of input.pages) {
    commands.push({
      id: `page:${page.href}`,
      group: 'Pages',
      label: `Go to ${page.label}`,
      keywords: [page.label, page.href],
      action: { kind: 'navigate', href: page.href },
    });
  }
  if (admin) {
    commands.push({
      id: 'page:/vms/new',
      group: 'Pages',
      label: 'Create VM',
      keywords: ['new', 'provision', 'wizard'],
      action: { kind: 'navigate', href: '/vms/new' },
    });
  }

  const sorted = [...vms].sort((a, b) => vmName(a).localeCompare(vmName(b)));
  for (const vm of sorted) {
    const name = vmName(vm);
    commands.push({
      id: `vm:${vm.uuid}`,
      group: 'VMs',
      label: `Open ${name}`,
      keywords: [vm.uuid, vm.brand, vm.state],
      action: { kind: 'navigate', href: `/vms/${vm.uuid}` },
    });
    if (!operator) continue;
    for (const action of powerActionsFor(vm.state)) {
      const confirm = powerConfirmation(action, name);
      commands.push({
        id: `power:${action}:${vm.uuid}`,
        group: 'VMs',
        label: `${powerLabels[action]} ${name}`,
        keywords: [vm.uuid, vm.brand],
        action: { kind: 'power', action, vm },
        ...(confirm ? { confirm } : {}),
      });
    }
  }

  if (operator) {
    for (const vm of sorted) {
      const name = vmName(vm);
      for (const kind of kindsOf(vm.brand)) {
        commands.push({
          id: `console:${kind}:${vm.uuid}`,
          group: 'Consoles',
          label: `Open console ${name} (${consoleLabels[kind]})`,
          keywords: [vm.uuid, kind === 'shell' ? 'zlogin' : kind],
          action: { kind: 'navigate', href: consoleHref(vm.uuid, kind, hostId) },
        });
      }
    }
  }

  if (admin) {
    for (const image of input.importable) {
      const name = `${image.name} ${image.version}`;
      commands.push({
        id: `import:${image.uuid}`,
        group: 'Images',
        label: `Import image ${name}`,
        keywords: [image.uuid, image.os, image.type],
        action: { kind: 'import', uuid: image.uuid, name },
      });
    }
    for (const pool of input.pools) {
      commands.push({
        id: `scrub:${pool}`,
        group: 'Storage',
        label: `Scrub ${pool}`,
        keywords: ['pool', 'zpool', 'verify'],
        action: { kind: 'scrub', pool },
        confirm: {
          title: `Scrub ${pool}?`,
          body: `The scrub reads every block of ${pool} and checks its checksum. It runs in the background at low priority but adds disk load until it finishes.`,
          confirmLabel: 'Start scrub',
        },
      });
    }
  }

  for (const theme of ['system', 'light', 'dark'] as const) {
    commands.push({
      id: `theme:${theme}`,
      group: 'Preferences',
      label: `Theme: ${theme}`,
      keywords: ['appearance', 'colour', 'color', 'mode'],
      action: { kind: 'theme', theme },
    });
  }
  commands.push({
    id: 'shortcuts',
    group: 'Preferences',
    label: 'Keyboard shortcuts',
    keywords: ['keys', 'help', '?'],
    action: { kind: 'shortcuts' },
  });
  return commands;
}
