import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@zonedeck/bff',
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    // these tests run the simulator's executables, which import its esbuild bundles
    globalSetup: ['../../packages/smartos-sim/test/globalSetup.ts'],
  },
});
