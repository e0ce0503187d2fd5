import type { Page } from '@playwright/test';

import { expect, hostCommand, signIn, test, type RunningServer } from '../fixtures/server.js';
import { DHCP, ELK, pageCases, pathOf, settled } from './pageList.js';
import { runCommand } from './palette-helpers.js';

// Issue 9: the console driven from the keyboard (palette and shortcuts), state kept in the URL,
// the theme switch, and every page usable 1024 px wide.
test.use({ serverEnv: { SMARTOS_SIM_SPEED: '20' } });

const SAMBA = '153831fc-2af9-44c8-9ba5-fad507337cc2';

function vmState(server: RunningServer, uuid: string): string {
  return hostCommand(server, ['vmadm', 'get', uuid]).match(/"state":\s*"([a-z_]+)"/)?.[1] ?? '';
}

test('the palette starts a stopped VM and opens a console, keyboard only', async ({ page, server }) => {
  test.setTimeout(120_000);
  hostCommand(server, ['vmadm', 'stop', SAMBA]);
  await expect.poll(() => vmState(server, SAMBA), { timeout: 30_000 }).toBe('stopped');
  await signIn(page, server);
  await expect(page.locator('tbody tr', { hasText: 'samba' })).toContainText('stopped', { timeout: 30_000 });

  await runCommand(page, 'start samba', 'Start samba');
  await expect(page.getByRole('combobox', { name: 'Command palette' })).toBeHidden();
  await expect(page.locator('[data-sonner-toast]', { hasText: 'Started samba' })).toBeVisible({
    timeout: 60_000,
  });
  await expect.poll(() => vmState(server, SAMBA), { timeout: 30_000 }).toBe('running');

  await runCommand(page, 'open console elk', 'Open console elk (VNC)');
  await expect(page).toHaveURL(new RegExp(`/consoles/${ELK}\\?kind=vnc`));
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 30_000 });

  // A zone has a shell, not VNC.
  await page.goto(`${server.url}/`);
  await settled(page);
  await runCommand(page, 'open console dhcp', 'Open console DHCP (shell)');
  await expect(page).toHaveURL(new RegExp(`/consoles/${DHCP}\\?kind=shell`));
});

test('a destructive command names its target and asks first; Escape keeps the VM running', async ({
  page,
  server,
}) => {
  await signIn(page, server);
  await settled(page);
  const trigger = page.getByRole('button', { name: /Search or run a command|Commands/ });
  await trigger.focus();
  await runCommand(page, 'stop samba', /^Stop samba/);
  const confirm = page.getByRole('dialog', { name: 'Stop samba?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('samba is shut down cleanly');
  // The safe choice has the focus.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  expect(vmState(server, SAMBA)).toBe('running');
});

test('g-keys go to pages, / focuses the filter, ? lists the keys; typing is left alone', async ({
  page,
  server,
}) => {
  await signIn(page, server);
  // The keys are the hydrated app's: wait for it to have read the VMs.
  await page.locator('tbody tr').first().waitFor();
  await settled(page);
  const go = async (key: string, path: RegExp) => {
    await page.keyboard.press('g');
    await page.keyboard.press(key);
    await expect(page).toHaveURL(path);
  };
  await go('s', /\/storage$/);
  await go('i', /\/images$/);
  await go('n', /\/network$/);
  await go('j', /\/jobs$/);
  await go('e', /\/services$/);

  const filter = page.getByRole('searchbox', { name: 'Filter the services' });
  await filter.waitFor();
  await page.keyboard.press('/');
  await expect(filter).toBeFocused();
  // In a field, g then v is text, not a shortcut.
  await page.keyboard.type('gv');
  await expect(filter).toHaveValue('gv');
  await expect(page).toHaveURL(/\/services\?q=gv$/);

  await filter.blur();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Go to Storage');
  // While it is open, keys are its own.
  await page.keyboard.press('g');
  await page.keyboard.press('v');
  await expect(page).toHaveURL(/\/services/);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await go('v', /\/$/);
  // The VM list's filter answers to / as well.
  const vmFilter = page.getByRole('searchbox', { name: 'Filter VMs by text' });
  await vmFilter.waitFor();
  await page.keyboard.press('/');
  await expect(vmFilter).toBeFocused();
});

test('a reload keeps the filters and the selected VM tab', async ({ page, server }) => {
  await signIn(page, server);
  const filters = [
    { path: '/services', label: 'Filter the services', text: 'ssh', table: 'Services' },
    { path: '/audit', label: 'Filter the audit log', text: 'admin', table: 'Audit log' },
  ];
  for (const f of filters) {
    await page.goto(`${server.url}${f.path}`);
    await page.getByRole('searchbox', { name: f.label }).fill(f.text);
    await expect(page).toHaveURL(new RegExp(`q=${f.text}`));
    await page.reload();
    await expect(page.getByRole('searchbox', { name: f.label })).toHaveValue(f.text);
    // And the list is filtered by it: every row shown matches.
    const rows = page.getByRole('table', { name: f.table }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.allTextContents()) expect(row.toLowerCase()).toContain(f.text);
  }

  await page.goto(`${server.url}/vms/${ELK}`);
  const json = page.getByRole('tab', { name: 'JSON' });
  await json.click();
  await expect(page).toHaveURL(/tab=json/);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
});

async function canvasColour(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}

test('the theme follows the system until one is chosen, and the choice survives a reload', async ({
  page,
  server,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, server);
  const darkSystem = await canvasColour(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const lightSystem = await canvasColour(page);
  expect(darkSystem).not.toBe(lightSystem);

  // Chosen dark, on a light system: dark, from the first paint of the next load.
  await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveClass('dark');
  expect(await canvasColour(page)).toBe(darkSystem);
  const response = await page.reload();
  expect(await response?.text()).toMatch(/<html[^>]*class="dark"/);
  expect(await canvasColour(page)).toBe(darkSystem);
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');

  // Chosen light, on a dark system.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Light theme' }).click();
  expect(await canvasColour(page)).toBe(lightSystem);

  // Back to the system.
  await page.getByRole('button', { name: 'System theme' }).click();
  expect(await canvasColour(page)).toBe(darkSystem);
});

test('at 1024 px no page scrolls sideways', async ({ page, server }) => {
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, server);
  const wide: string[] = [];
  for (const c of pageCases()) {
    await page.goto(`${server.url}${await pathOf(c, page, server)}`);
    await c.ready(page);
    await settled(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0) wide.push(`${c.name}: ${overflow}px`);
  }
  expect(wide).toEqual([]);
});
