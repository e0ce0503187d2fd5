import { expect, hostVmState, signIn, test } from '../fixtures/server.js';

// Issue 5: the VM list's filters and sort live in the URL (a reload or a shared link shows the
// same view), and selected VMs are stopped together, one job each.

test.use({ serverEnv: { SMARTOS_SIM_SPEED: '5' } });

test('filters and sort survive a reload and a shared link', async ({ page, server }) => {
  await signIn(page, server);
  const table = page.getByRole('table', { name: 'Virtual machines' });
  const rows = table.locator('tbody tr:not([aria-hidden])');
  await expect(rows).toHaveCount(6);

  const filters = page.getByRole('search', { name: 'Filter VMs' });
  await filters.getByLabel('Brand').selectOption('KVM');
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/[?&]brand=kvm/);

  await page.getByRole('button', { name: 'RAM' }).click();
  await expect(page).toHaveURL(/[?&]sort=-ram/);
  await expect(page.getByRole('columnheader', { name: 'RAM' })).toHaveAttribute('aria-sort', 'descending');

  await filters.getByLabel('Filter VMs by text').fill('elk');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('elk');
  await expect(page).toHaveURL(`${server.url}/?q=elk&brand=kvm&sort=-ram`);

  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('elk');
  await expect(filters.getByLabel('Filter VMs by text')).toHaveValue('elk');
  await expect(filters.getByLabel('Brand')).toHaveValue('KVM');
  await expect(page.getByRole('columnheader', { name: 'RAM' })).toHaveAttribute('aria-sort', 'descending');

  // A shared link opens the same view in a fresh page; sorted by alias, Z to A.
  const other = await page.context().newPage();
  await other.goto(`${server.url}/?state=running&sort=-alias`);
  const otherRows = other
    .getByRole('table', { name: 'Virtual machines' })
    .locator('tbody tr:not([aria-hidden])');
  await expect(otherRows).toHaveCount(6);
  const aliases = await otherRows.locator('td:nth-child(2) a').allTextContents();
  expect(aliases).toEqual(['samba', 'powerdns', 'OCS Inventory NG', 'MySQL-PerconaDB', 'elk', 'DHCP']);
  await other.goto(`${server.url}/?state=stopped`);
  await expect(other.getByText('No VM matches the filters')).toBeVisible();
  await other.close();

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(6);
  await expect(page).toHaveURL(`${server.url}/?sort=-ram`);
});

test('two selected VMs are stopped together, each by its own job', async ({ page, server }) => {
  await signIn(page, server);
  const table = page.getByRole('table', { name: 'Virtual machines' });
  const row = (alias: string) => table.locator('tbody tr', { hasText: alias });
  await expect(row('DHCP')).toContainText('running');
  await expect(row('powerdns')).toContainText('running');

  await table.getByRole('checkbox', { name: 'Select DHCP' }).check();
  await table.getByRole('checkbox', { name: 'Select powerdns' }).check();
  const bar = page.getByRole('region', { name: 'Selected VMs' });
  await expect(bar).toContainText('2 VMs selected');
  await bar.getByRole('button', { name: 'Stop selected' }).click();

  await expect(page.getByText('Stopping 2 VMs', { exact: true })).toBeVisible();
  await expect(row('DHCP')).toContainText('stopped', { timeout: 30_000 });
  await expect(row('powerdns')).toContainText('stopped', { timeout: 30_000 });
  await expect(row('MySQL-PerconaDB')).toContainText('running');
  expect(hostVmState(server, 'DHCP')).toBe('stopped');
  expect(hostVmState(server, 'powerdns')).toBe('stopped');

  // Starting the selection with a running VM added: it is left out, and the toast says so by name.
  await table.getByRole('checkbox', { name: 'Select MySQL-PerconaDB' }).check();
  await expect(bar).toContainText('3 VMs selected');
  await bar.getByRole('button', { name: 'Start selected' }).click();
  await expect(page.getByText('Starting 2 VMs, 1 left out')).toBeVisible();
  await expect(page.getByText('MySQL-PerconaDB: not started, it is running')).toBeVisible();
  for (const alias of ['DHCP', 'powerdns'])
    await expect(row(alias)).toContainText('running', { timeout: 30_000 });

  // Each VM got its own job.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  const jobs = page.getByRole('table', { name: 'Jobs' });
  for (const name of ['Stop DHCP', 'Stop powerdns', 'Start DHCP', 'Start powerdns'])
    await expect(jobs.locator('tbody tr', { hasText: name })).toHaveCount(1);
});
