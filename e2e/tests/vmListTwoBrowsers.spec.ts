import { expect, signIn, test } from '../fixtures/server.js';

// Issue 5: a second browser context (another admin's browser) sees the first one's changes live.

test.use({ serverEnv: { SMARTOS_SIM_SPEED: '5' } });

type Marked = { marker?: string };

test('a VM stopped and started in one browser changes in another without a reload', async ({
  browser,
  server,
}) => {
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  try {
    const a = await contextA.newPage();
    const b = await contextB.newPage();
    await signIn(a, server);
    await signIn(b, server);
    const rowIn = (page: typeof a) =>
      page.getByRole('table', { name: 'Virtual machines' }).locator('tbody tr', { hasText: 'powerdns' });
    for (const page of [a, b]) {
      await expect(rowIn(page)).toContainText('running');
      await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
    }
    // A marker in B that a reload would wipe.
    await b.evaluate(() => ((window as unknown as Marked).marker = 'same page'));

    await rowIn(a).getByRole('button', { name: 'Stop powerdns', exact: true }).click();
    await expect(rowIn(b)).toContainText('stopped', { timeout: 30_000 });
    await expect(rowIn(b).getByRole('button', { name: 'Start powerdns' })).toBeEnabled();

    // And back the other way: B starts it, A sees it.
    await rowIn(b).getByRole('button', { name: 'Start powerdns' }).click();
    await expect(rowIn(a)).toContainText('running', { timeout: 30_000 });

    expect(await b.evaluate(() => (window as unknown as Marked).marker)).toBe('same page');
  } finally {
    await contextA.close();
    await contextB.close();
  }
});
