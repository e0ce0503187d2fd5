import { expect, hostCommand, signIn, test } from '../fixtures/server.js';

const SAMBA = '153831fc-2af9-44c8-9ba5-fad507337cc2';

test('a VM stopped on the host shows as stopped in the open page without a reload', async ({
  page,
  server,
}) => {
  await signIn(page, server);

  const samba = page
    .getByRole('table', { name: 'Virtual machines' })
    .locator('tbody tr', { hasText: 'samba' });
  await expect(samba).toContainText('running');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  // A marker that a reload would wipe.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

  hostCommand(server, ['vmadm', 'stop', SAMBA]);
  await expect(samba).toContainText('stopped');
  hostCommand(server, ['vmadm', 'start', SAMBA]);
  await expect(samba).toContainText('running');

  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
});
