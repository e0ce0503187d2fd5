import type { Counters } from '../state/hostStore.js';
import type { JsonObject, VmObject } from '../state/json.js';

/** Everything a fresh simulated host starts with. zonepaths are `/zones/<uuid>` until init. */
export interface SeedHost {
  sysinfo: JsonObject;
  vms: VmObject[];
  counters: Counters;
}
