// Which power actions a VM offers, and who may use them. Pure: tested in vmActions.test.ts.
import type { Role, VmState } from '@zonedeck/api/schemas';

export type PowerAction = 'start' | 'stop' | 'forceStop' | 'reboot';

/**
 * The power buttons for a VM in this state: start when it is down, stop / reboot / force stop
 * while it runs, and only force stop while a shutdown is under way (it may hang).
 */
export function powerActionsFor(state: VmState): PowerAction[] {
  switch (state) {
    case 'stopped':
    case 'failed':
    case 'installed':
      return ['start'];
    case 'running':
      return ['stop', 'reboot', 'forceStop'];
    case 'stopping':
    case 'shutting_down':
      return ['forceStop'];
    case 'configured':
    case 'provisioning':
    case 'receiving':
    case 'ready':
    case 'down':
    case 'incomplete':
      return [];
  }
}

/** Power and consoles need the operator role; admins have it too (roles include the ones below). */
export function canOperate(role: Role): boolean {
  // Spelled out rather than importing `roleRank`, which would pull every zod schema into the bundle.
  return role === 'operator' || role === 'admin';
}

/** Creating, editing and deleting VMs needs the admin role. */
export function canAdminister(role: Role): boolean {
  return role === 'admin';
}

/** A VM as buttons and toasts name it: its alias, else its uuid. */
export function vmName(vm: { alias: string | null; uuid: string }): string {
  return vm.alias ?? vm.uuid;
}
