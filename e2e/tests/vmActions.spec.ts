import { expect, signIn, test } from '../fixtures/server.js';

const SAMBA = '153831fc-2af9-44c8-9ba5-fad507337cc2';

test('an admin stops samba from its row, follows the job and the audit entry, and starts it again', async ({
  page,
  server,
}) => {
  await signIn(page, server);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'VMs' })).toHaveAttribute('aria-current', 'page');

  const samba = page
    .getByRole('table', { name: 'Virtual machines' })
    .locator('tbody tr', { hasText: 'samba' });
  await expect(samba).toContainText('running');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  // A marker that a reload would wipe.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

  // Force stop asks first; cancelling changes nothing.
  await samba.getByRole('button', { name: 'Force stop samba' }).click();
  const confirm = page.getByRole('dialog', { name: 'Force stop samba?' });
  await expect(confirm).toContainText('The guest is not asked to shut down.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  await samba.getByRole('button', { name: 'Stop samba', exact: true }).click();
  const toast = page.locator('[data-sonner-toast]', { hasText: /Stopping samba…|Stopped samba/ });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole('link', { name: 'View job' })).toBeVisible();
  await expect(samba).toContainText('stopped');
  await expect(page.locator('[data-sonner-toast]', { hasText: 'Stopped samba' })).toBeVisible();
  await expect(samba.getByRole('button', { name: 'Start samba' })).toBeEnabled();
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');

  await nav.getByRole('link', { name: 'Jobs' }).click();
  await expect(nav.getByRole('link', { name: 'Jobs' })).toHaveAttribute('aria-current', 'page');
  const job = page.getByRole('table', { name: 'Jobs' }).locator('tbody tr', { hasText: 'Stop samba' });
  await expect(job).toContainText('vm.stop');
  await expect(job).toContainText('succeeded');
  await expect(job).toContainText('admin');

  await job.getByRole('link', { name: 'Stop samba' }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: 'Stop samba' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Job log' })).toContainText(
    `Successfully completed stop for VM ${SAMBA}`,
  );

  await nav.getByRole('link', { name: 'Audit' }).click();
  const audit = page.getByRole('table', { name: 'Audit log' });
  const entry = audit.locator('tbody tr', { hasText: 'vm.stop' });
  await expect(entry).toContainText(SAMBA);
  await expect(entry).toContainText('ok');
  await expect(entry).toContainText('"force":false');
  await page.getByLabel('Filter the audit log').fill('vm.start');
  await expect(page).toHaveURL(/\?q=vm\.start$/);
  await expect(audit).toBeHidden();
  await page.reload();
  await expect(page.getByLabel('Filter the audit log')).toHaveValue('vm.start');

  await nav.getByRole('link', { name: 'VMs' }).click();
  await samba.getByRole('button', { name: 'Start samba' }).click();
  await expect(
    page.locator('[data-sonner-toast]', { hasText: /Starting samba…|Started samba/ }),
  ).toBeVisible();
  await expect(samba).toContainText('running');
  await expect(samba.getByRole('button', { name: 'Stop samba', exact: true })).toBeEnabled();
});
