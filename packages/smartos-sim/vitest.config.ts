import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@zonedeck/smartos-sim',
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    // removing a 2,000-VM state directory takes a while on a busy machine
    hookTimeout: 60_000,
    // the fidelity tests run the real executables, which import the esbuild bundles
    globalSetup: ['./test/globalSetup.ts'],
    // kvm/bhyve VMs the tests start get the light built-in guest; the QEMU test asks for QEMU
    env: { SMARTOS_SIM_GUEST: 'builtin' },
  },
});
