import { defineConfig } from '@playwright/test';

// Debian's chromium, never a downloaded browser build. Each worker starts its own production
// server (see fixtures/server.ts), so no webServer block here. Two workers: a spec spends much
// of its time waiting on the simulated host (jobs, guests, consoles), which the other fills; a
// spec's own tests still run in order, in one worker.
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
