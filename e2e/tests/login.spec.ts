import { expect, test } from '../fixtures/server.js';

test('an unauthenticated tRPC call gets 401', async ({ request, server }) => {
  const res = await request.get(`${server.url}/api/trpc/host.list`);
  expect(res.status()).toBe(401);
});

test('the admin signs in with the printed password, sees the office host and its six VMs, and signs out', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('User name').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('wrong user name or password')).toBeVisible();

  await page.getByLabel('Password').fill(server.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const summary = page.getByRole('region', { name: 'Host summary' });
  await expect(summary).toContainText('smartos');
  await expect(summary).toContainText('20240208T000334Z');
  await expect(summary).toContainText('bge0');

  const rows = page.getByRole('table', { name: 'Virtual machines' }).locator('tbody tr');
  await expect(rows).toHaveCount(6);
  for (const alias of ['DHCP', 'samba', 'powerdns', 'MySQL-PerconaDB', 'OCS Inventory NG', 'elk']) {
    await expect(rows.filter({ hasText: alias })).toHaveCount(1);
  }

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  // The session is gone on the server too: the API refuses the old cookie.
  const res = await page.request.get(`${server.url}/api/trpc/host.list`);
  expect(res.status()).toBe(401);
});
