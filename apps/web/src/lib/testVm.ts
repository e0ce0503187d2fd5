import type { VmSummary } from '@zonedeck/api/schemas';

/** For tests: a running joyent VM of 64 MiB with nothing else set, with `patch` over it. */
export function testVm(patch: Partial<VmSummary> = {}): VmSummary {
  return {
    uuid: '00000000-0000-0000-0000-000000000000',
    alias: 'vm',
    brand: 'joyent',
    state: 'running',
    ramMiB: 64,
    cpuCap: null,
    quotaGiB: null,
    imageUuid: null,
    ips: [],
    createdAt: null,
    ...patch,
  };
}
