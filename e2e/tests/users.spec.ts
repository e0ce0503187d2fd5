import { readFileSync } from 'node:fs';

import { Secret, TOTP } from 'otpauth';

import { expect, signIn, test } from '../fixtures/server.js';
import { addUser, signInAs } from '../fixtures/users.js';

const OPERATOR = { name: 'olga', password: 'olga-initial-pass-1' };

test('an admin adds an operator, who can neither manage users nor delete a VM; disabled, the operator is sent to sign in; the audit shows it and exports it', async ({
  page,
  browser,
  server,
}) => {
  // The admin adds olga as an operator.
  await signIn(page, server);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await addUser(page, OPERATOR, 'operator');
  const olgaRow = page.getByRole('table', { name: 'Users' }).getByRole('row', { name: OPERATOR.name });
  await expect(olgaRow).toContainText('never');

  // Olga signs in in a second browser context.
  const { context: olgaContext, page: olga } = await signInAs(browser, server, OPERATOR);
  const olgaNav = olga.getByRole('navigation', { name: 'Main' });
  await expect(olgaNav.getByRole('link', { name: 'VMs' })).toBeVisible();
  await expect(olgaNav.getByRole('link', { name: 'Users' })).toHaveCount(0);
  // Typing the address: the API refuses the list, so the page has none to show.
  await olga.goto(`${server.url}/users`);
  await expect(olga.getByText('this needs the admin role')).toBeVisible();
  await expect(olga.getByRole('table', { name: 'Users' })).toHaveCount(0);

  // The VM page shows her no Delete, and the API refuses it.
  await olgaNav.getByRole('link', { name: 'VMs' }).click();
  await olga
    .getByRole('table', { name: 'Virtual machines' })
    .getByRole('link', { name: 'samba', exact: true })
    .click();
  await expect(olga.getByRole('heading', { name: 'samba' })).toBeVisible();
  // Power actions are hers (operator); Edit and Delete are not.
  await expect(
    olga.getByRole('group', { name: 'VM actions' }).getByRole('button', { name: 'Reboot samba' }),
  ).toBeVisible();
  await expect(olga.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  const uuid = /\/vms\/([0-9a-f-]{36})/.exec(olga.url())?.[1] ?? '';
  expect(uuid).not.toBe('');
  const refused = await olga.request.post(`${server.url}/api/trpc/vm.delete`, {
    headers: { 'content-type': 'application/json', origin: server.url, 'x-zonedeck-csrf': '1' },
    data: { hostId: 'sim', uuid },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('this needs the admin role');

  // The admin disables her; her next action sends her to sign in.
  await page.reload();
  await olgaRow.getByRole('button', { name: 'Disable' }).click();
  await page
    .getByRole('dialog', { name: `Disable ${OPERATOR.name}?` })
    .getByRole('button', { name: 'Disable' })
    .click();
  await expect(olgaRow).toContainText('disabled');
  await olgaNav.getByRole('link', { name: 'Jobs' }).click();
  await expect(olga).toHaveURL(/\/login/);
  await olgaContext.close();

  // The audit, filtered to what was done to users, and exported.
  await nav.getByRole('link', { name: 'Audit' }).click();
  const filter = page.getByRole('form', { name: 'Audit filter' });
  await filter.getByLabel('Action').fill('users.');
  await filter.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]action=users\./);
  const audit = page.getByRole('table', { name: 'Audit log' });
  await expect(audit.locator('tbody tr')).toHaveCount(2);
  await expect(audit.locator('tbody tr').nth(0)).toContainText('users.setDisabled');
  await expect(audit.locator('tbody tr').nth(1)).toContainText('users.create');
  await expect(audit).not.toContainText(OPERATOR.password);

  // A reload keeps the filter; the refusal of olga's delete is there too, under its own filter.
  await page.reload();
  await expect(audit.locator('tbody tr')).toHaveCount(2);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^zonedeck-audit-.*\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8');
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('id,at,username,action,hostId,target,result,detail,args');
  expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['users.setDisabled', 'users.create']);
  expect(text).toContain('[redacted]');
  expect(text).not.toContain(OPERATOR.password);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'JSON' }).click(),
  ]);
  const entries = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
    action: string;
    username: string;
  }[];
  expect(entries.map((e) => e.action)).toEqual(['users.setDisabled', 'users.create']);

  await filter.getByRole('button', { name: 'Clear' }).click();
  await filter.getByLabel('User').fill(OPERATOR.name);
  await filter.getByLabel('Result').selectOption('refused');
  await filter.getByRole('button', { name: 'Apply' }).click();
  await expect(audit.locator('tbody tr').filter({ hasText: 'vm.delete' })).toHaveCount(1);
});

test('a user turns on two-factor sign-in, signs in elsewhere with a code, and ends that session from the account page', async ({
  page,
  browser,
  server,
}) => {
  await signIn(page, server);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  const twoFactor = page.getByRole('region', { name: 'Two-factor sign-in' });
  await twoFactor.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(twoFactor.getByRole('img', { name: 'QR code of the TOTP secret' })).toBeVisible();
  const secret = (await twoFactor.getByTestId('totp-secret').textContent()) ?? '';
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  await twoFactor.getByLabel('Code from the app').fill('000000');
  await twoFactor.getByRole('button', { name: 'Confirm' }).click();
  await expect(twoFactor.getByText('wrong code')).toBeVisible();
  await twoFactor.getByLabel('Code from the app').fill(totp.generate());
  await twoFactor.getByRole('button', { name: 'Confirm' }).click();
  await expect(twoFactor.getByText('Signing in asks for a code')).toBeVisible();
  await expect(twoFactor).not.toContainText(secret);

  // Elsewhere: the password, then a code (the next time step: this one's code is used up).
  const laptopContext = await browser.newContext({ userAgent: 'Laptop/1.0' });
  const laptop = await laptopContext.newPage();
  await laptop.goto(`${server.url}/login`);
  await laptop.getByLabel('User name').fill('admin');
  await laptop.getByLabel('Password').fill(server.adminPassword);
  await laptop.getByRole('button', { name: 'Sign in' }).click();
  await laptop.getByLabel('Authentication code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await laptop.getByRole('button', { name: 'Verify' }).click();
  await expect(laptop.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // Back on the first browser (the server is shared by this file's tests, so other sessions of
  // admin's may be listed too): this one is marked; end the laptop's.
  await page.reload();
  const sessions = page.getByRole('table', { name: 'Your sessions' });
  await expect(sessions.locator('tbody tr[aria-current="true"]')).toContainText('this session');
  const laptopRow = sessions.locator('tbody tr', { hasText: 'Laptop/1.0' });
  await expect(laptopRow).toHaveCount(1);
  await laptopRow.getByRole('button', { name: /^End \(session of/ }).click();
  await expect(laptopRow).toHaveCount(0);
  await laptop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(laptop).toHaveURL(/\/login/);
  await laptopContext.close();

  // Leave admin as the other tests expect: the password alone signs in.
  await twoFactor.getByLabel('Current password').fill(server.adminPassword);
  await twoFactor.getByRole('button', { name: 'Turn off' }).click();
  await expect(twoFactor.getByRole('button', { name: 'Set up two-factor sign-in' })).toBeVisible();
});
