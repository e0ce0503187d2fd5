import { defineConfig } from 'vitest/config';

// One Vitest run over every package; each package's tests sit beside its code.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/bff', 'apps/web'],
    reporters: ['default'],
    passWithNoTests: false,
    // Vitest's default on 2 cores is one worker; many files wait on child processes and timers
    // (the simulator's executables, guests booting, ping intervals), so two overlap that waiting.
    maxWorkers: 2,
  },
});
