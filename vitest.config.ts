import { defineConfig } from 'vitest/config';

// One Vitest run over every package; each package's tests sit beside its code.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/bff', 'apps/web'],
    reporters: ['default'],
    passWithNoTests: false,
  },
});
