import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { attachOnFailure, expect, test } from '../fixtures/server.js';
import { pageCases, pathOf, settled } from './pageList.js';

// Issue 9: every page passes an axe-core scan with no serious or critical violations, in the
// light and the dark theme (chosen with the theme cookie, as the header's switch sets it).
// The signed-in tests share one signed-in page (signedInPage): each still loads its page afresh.
test.use({ serverEnv: { SMARTOS_SIM_SPEED: '20' } });
test.afterEach(async ({ signedInPage }) => attachOnFailure(signedInPage));

const THEMES = ['light', 'dark'] as const;

interface Found {
  page: string;
  id: string;
  impact: string;
  nodes: string[];
}

async function scan(page: Page, name: string): Promise<Found[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: name,
      id: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
}

async function setTheme(page: Page, url: string, theme: string) {
  await page.context().addCookies([{ name: 'zonedeck-theme', value: theme, url }]);
}

for (const theme of THEMES) {
  for (const c of pageCases()) {
    test(`${c.name} passes axe in the ${theme} theme`, async ({ signedInPage: page, server }) => {
      test.setTimeout(120_000);
      await setTheme(page, server.url, theme);
      await page.goto(`${server.url}${await pathOf(c, page, server)}`);
      await expect(page.locator('html')).toHaveClass(theme);
      await c.ready(page);
      await settled(page);
      expect(await scan(page, c.name)).toEqual([]);
    });
  }

  test(`the sign-in page passes axe in the ${theme} theme`, async ({ browser, server }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await setTheme(page, server.url, theme);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('User name').waitFor();
    expect(await scan(page, 'login')).toEqual([]);
    await context.close();
  });
}

test('the palette and the shortcut list pass axe while open', async ({ signedInPage: page, server }) => {
  // the system theme, as after a sign-in: no theme cookie
  await page.context().clearCookies({ name: 'zonedeck-theme' });
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await settled(page);
  await page.keyboard.press('Control+k');
  await page.getByRole('option', { name: /Go to Storage/ }).waitFor();
  expect(await scan(page, 'palette')).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  expect(await scan(page, 'shortcuts')).toEqual([]);
});
