import type { Job } from '@zonedeck/api/schemas';

/** The built-in samba VM's uuid: the target of a testJob. */
export const SAMBA = '153831fc-2af9-44c8-9ba5-fad507337cc2';

/** For tests: a running `vm.stop` job on samba, started 2026-01-01T10:00Z, with `patch` over it. */
export function testJob(patch: Partial<Job> = {}): Job {
  return {
    id: 'j1',
    hostId: 'default',
    kind: 'vm.stop',
    target: SAMBA,
    targetName: 'samba',
    state: 'running',
    progress: null,
    message: null,
    username: 'admin',
    createdAt: '2026-01-01T10:00:00.000Z',
    finishedAt: null,
    ...patch,
  };
}
