import { join } from 'node:path';

/**
 * Where the simulated host keeps its state, all under one root directory:
 *
 *   <root>/sim.json            which profile seeded it (for `smartos-sim reset`)
 *   <root>/host.json           sysinfo data, key order = sysinfo's output order
 *   <root>/counters.json       next zoneid / pid to hand out
 *   <root>/vms/<uuid>.json     one `vmadm get` object per VM
 *   <root>/zones/<uuid>/root/tmp/   the VM's real zonepath (console sockets go here)
 *   <root>/.lock               the write lock (see lock.ts)
 */
export interface SimLayout {
  root: string;
  simFile: string;
  hostFile: string;
  countersFile: string;
  vmsDir: string;
  zonesDir: string;
  lockFile: string;
}

export function simLayout(root: string): SimLayout {
  return {
    root,
    simFile: join(root, 'sim.json'),
    hostFile: join(root, 'host.json'),
    countersFile: join(root, 'counters.json'),
    vmsDir: join(root, 'vms'),
    zonesDir: join(root, 'zones'),
    lockFile: join(root, '.lock'),
  };
}

export function vmFile(layout: SimLayout, uuid: string): string {
  return join(layout.vmsDir, `${uuid}.json`);
}

/** The zonepath property of a VM: the real directory `<root>/zones/<uuid>`. */
export function zonepathOf(layout: SimLayout, uuid: string): string {
  return join(layout.zonesDir, uuid);
}
