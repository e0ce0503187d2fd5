import { expect, signIn, test } from '../fixtures/server.js';
import { addUser, signInAs } from '../fixtures/users.js';

const VIEWER = { name: 'vera', password: 'vera-initial-pass-1' };
const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';

test('a viewer reads VMs and hosts but is offered no power action, console or host change, and a console address refuses her', async ({
  page,
  browser,
  server,
}) => {
  await signIn(page, server);
  // What an admin is offered on the same pages, so that its absence below means something.
  await page.goto(`${server.url}/vms/${ELK}`);
  const adminActions = page.getByRole('group', { name: 'VM actions' });
  await expect(adminActions.getByRole('button', { name: 'Reboot elk' })).toBeVisible();
  await expect(adminActions.getByRole('link', { name: 'VNC' })).toBeVisible();
  await page.goto(`${server.url}/hosts`);
  await expect(page.getByRole('region', { name: 'Add a host' })).toBeVisible();
  await addUser(page, VIEWER, 'viewer');
  const { context, page: vera } = await signInAs(browser, server, VIEWER);
  const nav = vera.getByRole('navigation', { name: 'Main' });

  // The list shows every VM, without power buttons.
  await nav.getByRole('link', { name: 'VMs' }).click();
  const vms = vera.getByRole('table', { name: 'Virtual machines' });
  await expect(vms.getByRole('link', { name: 'elk', exact: true })).toBeVisible();
  await expect(vms.getByRole('button', { name: /^(Start|Stop|Reboot) / })).toHaveCount(0);

  // elk runs: its page shows its state but neither power actions nor console links.
  await vms.getByRole('link', { name: 'elk', exact: true }).click();
  await expect(vera.getByRole('heading', { name: 'elk' })).toBeVisible();
  await expect(vera.getByText('running').first()).toBeVisible();
  await expect(vera.getByRole('group', { name: 'VM actions' }).getByRole('button')).toHaveCount(0);
  await expect(vera.getByRole('group', { name: 'VM actions' }).getByRole('link')).toHaveCount(0);
  await expect(vera.getByRole('button', { name: 'Edit' })).toHaveCount(0);

  // Typing a console's address: the ticket is refused and the page says why.
  await vera.goto(`${server.url}/consoles/${ELK}?kind=vnc`);
  await expect(vera.getByText('this needs the operator role')).toBeVisible();
  await expect(vera.getByRole('application', { name: 'VNC console' }).locator('canvas')).toHaveCount(0);

  // Hosts: listed, but adding or changing one is the admins' business.
  await vera.goto(`${server.url}/hosts`);
  await expect(vera.getByText('Only admins add and change hosts.')).toBeVisible();
  await expect(vera.getByRole('region', { name: 'Add a host' })).toHaveCount(0);
  await context.close();
});
