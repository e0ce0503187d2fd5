import type { VmEvent, VmSummary } from '@zonedeck/api/schemas';

/**
 * The VM list after one watcher event: how live changes are written into the query cache
 * instead of refetching. Keeps the list's order; new VMs go at the end.
 */
export function applyVmEvent(
  list: readonly VmSummary[] | undefined,
  event: VmEvent,
): VmSummary[] | undefined {
  switch (event.type) {
    case 'sync':
      return event.vms;
    case 'added':
      return list ? [...list.filter((vm) => vm.uuid !== event.vm.uuid), event.vm] : list;
    case 'removed':
      return list?.filter((vm) => vm.uuid !== event.uuid);
    case 'changed':
      return list?.map((vm) => (vm.uuid === event.vm.uuid ? event.vm : vm));
    case 'link':
      return list ? [...list] : list;
  }
}
