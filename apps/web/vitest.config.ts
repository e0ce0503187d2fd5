import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: '@zonedeck/web',
    include: ['src/**/*.test.ts'],
  },
});
