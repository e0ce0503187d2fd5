import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@zonedeck/api',
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    // KVM guests as the simulator's built-in guest process (the QEMU path has its own tests)
    env: { SMARTOS_SIM_GUEST: 'builtin' },
    // these tests run the simulator's executables, which import its esbuild bundles
    globalSetup: ['../smartos-sim/test/globalSetup.ts'],
  },
});
