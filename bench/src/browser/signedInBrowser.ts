/**
 * A production ZoneDeck server (the one the e2e specs start) and Debian's chromium signed in to
 * it, for benchmarks that measure pages as a user gets them. Stop it when done.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

import { signIn, startServer, type RunningServer } from '@zonedeck/e2e/productionServer';

export interface SignedInBrowser {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  /** Signed in as the first admin, on the VM list. */
  page: Page;
  stop(): Promise<void>;
}

export async function startSignedInBrowser(
  serverEnv: Record<string, string> = {},
  viewport = { width: 1440, height: 900 },
  /** The large profile seeds 2,000 VMs on first start: give it longer on a loaded machine. */
  startTimeoutMs = 30_000,
): Promise<SignedInBrowser> {
  const server = await startServer(serverEnv, { startTimeoutMs });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport });
  // A benchmark measures how long things take; it does not fail them for being slow.
  context.setDefaultTimeout(180_000);
  const page = await context.newPage();
  await signIn(page, server);
  return {
    server,
    browser,
    context,
    page,
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}
