/**
 * Screenshots of the main pages in the light and the dark theme, 1280×800, for the README:
 * docs/screenshots/<page>-<theme>.png, on the office profile.
 *
 *   pnpm --filter @zonedeck/bench screenshots
 *
 * With ImageMagick's `convert` on the PATH, each PNG is reduced to a 256-colour palette (a UI of
 * flat colours loses nothing visible; the files shrink to about a third).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Page } from '@playwright/test';

import { startSignedInBrowser } from './browser/signedInBrowser.js';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';

const shots: { name: string; path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { name: 'vm-list', path: '/', ready: (p) => p.locator('tbody tr').first().waitFor() },
  { name: 'vm-detail', path: `/vms/${ELK}`, ready: (p) => p.getByRole('tab', { name: 'Summary' }).waitFor() },
  { name: 'create-vm', path: '/vms/new', ready: (p) => p.getByRole('heading', { level: 1 }).waitFor() },
  {
    name: 'vnc-console',
    path: `/consoles/${ELK}?kind=vnc`,
    ready: async (p) => {
      await p.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
      await p.waitForTimeout(1_500); // the first frame of the guest's screen
    },
  },
  {
    name: 'storage',
    path: '/storage',
    ready: (p) => p.locator('table[aria-label="Devices of zones"] tbody tr').first().waitFor(),
  },
  { name: 'images', path: '/images', ready: (p) => p.getByRole('heading', { name: 'Images' }).waitFor() },
];

const hasConvert = spawnSync('convert', ['-version']).status === 0;
mkdirSync(outDir, { recursive: true });

const b = await startSignedInBrowser({}, { width: 1280, height: 800 });
try {
  for (const theme of ['light', 'dark'] as const) {
    await b.context.addCookies([{ name: 'zonedeck-theme', value: theme, url: b.server.url }]);
    for (const shot of shots) {
      await b.page.goto(`${b.server.url}${shot.path}`);
      await shot.ready(b.page);
      await b.page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, {
        timeout: 30_000,
      });
      // Relative times and live figures settle; the mouse stays out of the picture.
      await b.page.mouse.move(0, 799);
      await b.page.waitForTimeout(500);
      const file = path.join(outDir, `${shot.name}-${theme}.png`);
      await b.page.screenshot({ path: file });
      if (hasConvert) spawnSync('convert', [file, '-strip', '-colors', '256', `PNG8:${file}`]);
      console.log(`${path.relative(process.cwd(), file)}: ${(statSync(file).size / 1024).toFixed(0)} KiB`);
    }
  }
} finally {
  await b.stop();
}
