import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { initSim, simBinDir, simEnv, startSshd, type TestSshd } from '@zonedeck/smartos-sim';

import { expect, signIn, test } from '../fixtures/server.js';

// Issue 8, several hosts: a second simulated SmartOS host behind a real OpenSSH sshd on
// loopback is added on the hosts page with its key pasted, its host key confirmed, and its VMs
// seen through the header's switcher. Then its host key changes: the console refuses it, naming
// the new fingerprint, and nothing authenticates on (so nothing runs on) that host.

let dir: string;
let sshd: TestSshd;
const FAR_VM = 'far-away-web';

function vmadm(root: string, args: string[]): string {
  return execFileSync(path.join(simBinDir, 'vmadm'), args, {
    env: { ...process.env, ...simEnv(root) },
    encoding: 'utf8',
  });
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zonedeck-e2e-far-'));
  const root = path.join(dir, 'sim');
  await initSim({ root, profile: 'office' });
  // One VM the console's own demo host does not have: seeing it proves which host a page shows.
  const elk = vmadm(root, ['lookup', '-1', 'alias=elk']).trim();
  vmadm(root, ['update', elk, `alias=${FAR_VM}`]);
  // INFO logs every accepted login, so the test can tell that none happened.
  sshd = await startSshd({ simRoot: root, logLevel: 'INFO' });
});

test.afterAll(async () => {
  await sshd.stop();
  rmSync(dir, { recursive: true, force: true });
});

const logins = () => (sshd.logs().match(/Accepted publickey/g) ?? []).length;

function hostRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'Hosts' }).getByRole('row', { name });
}

test('an admin adds a second host over SSH, confirms its key, switches to it, and is refused when its key changes', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  await signIn(page, server);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts' }).click();
  await expect(hostRow(page, 'Simulated SmartOS host')).toContainText('connected');
  // One host: nothing to switch yet.
  await expect(page.getByLabel('Host', { exact: true })).toHaveCount(0);

  // --- An option-looking address is refused at its field; nothing is added. ---
  const form = page.getByRole('form', { name: 'Add a host' });
  await form.getByLabel('Name').fill('Far host');
  await expect(form.getByLabel('ID')).toHaveValue('far-host');
  await form.getByLabel('Address').fill('-oProxyCommand=touch /tmp/pwned');
  await form.getByLabel('SSH port').fill(String(sshd.port));
  await form.getByLabel('User').fill(sshd.username);
  await form.getByLabel('Private key text').fill(sshd.clientKey.toString('utf8'));
  await form.getByRole('button', { name: 'Add host' }).click();
  await expect(form.getByLabel('Address')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Address')).toHaveAccessibleDescription(/must not start with "-"/);
  await expect(page.getByRole('table', { name: 'Hosts' }).getByRole('row')).toHaveCount(2);

  // --- Added with its key pasted: the console shows the key the host presented. ---
  await form.getByLabel('Address').fill(sshd.host);
  await form.getByRole('button', { name: 'Add host' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm the host key of Far host?' });
  await expect(confirm).toContainText(sshd.hostKeyFingerprint);
  // The pasted key left the form.
  await expect(form.getByLabel('Private key text')).toHaveValue('');
  // Nothing logged in before the admin confirmed the key.
  expect(logins()).toBe(0);
  await confirm.getByRole('button', { name: 'Trust this key' }).click();
  const far = hostRow(page, 'Far host');
  await expect(far).toContainText('connected', { timeout: 30_000 });
  await expect(far).toContainText(sshd.hostKeyFingerprint);
  await expect(far).toContainText('stored encrypted');

  // --- The switcher: every page on the chosen host, which the URL names. ---
  const switcher = page.getByLabel('Host', { exact: true });
  await switcher.selectOption({ label: 'Far host' });
  await expect(page).toHaveURL(/\/hosts\?host=far-host$/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'VMs' }).click();
  const vms = page.getByRole('table', { name: 'Virtual machines' });
  await expect(vms.getByRole('link', { name: FAR_VM })).toBeVisible();
  await expect(vms.getByRole('link', { name: 'elk', exact: true })).toHaveCount(0);
  await expect(page).toHaveURL(/\/\?host=far-host$/);
  // sshd logs each login (the check below would prove nothing otherwise).
  expect(logins()).toBeGreaterThan(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Images' }).click();
  await expect(page.getByRole('heading', { name: 'Images' })).toBeVisible();
  await expect(page.getByRole('main').getByText('Far host', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/images\?host=far-host$/);
  // A reload keeps the host.
  await page.reload();
  await expect(switcher).toHaveValue('far-host');

  await switcher.selectOption({ label: 'Simulated SmartOS host (demo)' });
  await expect(page).toHaveURL(/\/images$/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'VMs' }).click();
  await expect(vms.getByRole('link', { name: 'elk', exact: true })).toBeVisible();
  await expect(vms.getByRole('link', { name: FAR_VM })).toHaveCount(0);

  // --- The host key changes: refused, naming the new fingerprint; nothing logs in. ---
  const pinned = sshd.hostKeyFingerprint;
  await sshd.restartWithNewHostKey();
  const presented = sshd.hostKeyFingerprint;
  expect(presented).not.toBe(pinned);
  const loginsBefore = logins();

  await page.goto(`${server.url}/?host=far-host`);
  const refused = page.getByRole('alert').filter({ hasText: 'Could not list the VMs' });
  await expect(refused).toContainText(`has changed: expected ${pinned}, the host presented ${presented}`, {
    timeout: 30_000,
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hosts' }).click();
  await expect(far).toContainText('host key changed', { timeout: 30_000 });
  await expect(far).toContainText(`It presented ${presented}, but ${pinned} is pinned`);
  expect(logins()).toBe(loginsBefore);

  // --- An admin re-pins the new key after checking it; the host answers again. ---
  await far.getByRole('button', { name: 'Confirm the host key of Far host' }).click();
  const repin = page.getByRole('dialog', { name: 'Re-pin the host key of Far host?' });
  await expect(repin).toContainText(presented);
  await expect(repin).toContainText(pinned);
  await repin.getByRole('button', { name: 'Trust this key' }).click();
  await expect(far).toContainText('connected', { timeout: 30_000 });
  await expect(far).toContainText(presented);

  // --- Removed: gone from the list and from the switcher. ---
  await far.getByRole('button', { name: 'Remove Far host' }).click();
  await page
    .getByRole('dialog', { name: 'Remove Far host?' })
    .getByRole('button', { name: 'Remove host' })
    .click();
  await expect(far).toHaveCount(0);
  await expect(switcher).toHaveCount(0);
});
