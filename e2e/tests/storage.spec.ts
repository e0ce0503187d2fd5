import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { expect, hostCommand, signIn, test } from '../fixtures/server.js';

// Issue 7: storage, images and services on the office profile. The simulated host runs 100×
// faster, so a scrub of the 39 GiB pool (about 14 min of simulated time) takes about 10 s: long
// enough for the page, which reads `zpool status` every 2 s, to show it moving.
test.use({ serverEnv: { SMARTOS_SIM_SPEED: '100' } });
test.describe.configure({ mode: 'serial' });

/** base-64-lts 23.4.0, a zone image the office host's source offers and has not installed. */
const IMAGE = '2f1dc911-6401-4fa4-8e9d-67ea2e39c271';

/** The value shown under a figure's name on the pool panel ("Dedup ratio" → "1.37x"). */
function poolFigure(page: Page, term: string) {
  return page
    .getByRole('region', { name: 'Pool zones' })
    .locator('dt', { hasText: new RegExp(`^${term}$`) })
    .locator('+ dd');
}

test.afterAll(({ server }) => {
  // imgadm starts the host's image server as a daemon; it must not outlive the data directory.
  try {
    hostCommand(server, ['smartos-sim', 'imgapi', 'stop']);
  } catch {
    // never started: nothing to stop
  }
});

test('the pool page shows the mirror of two disks and the ratios the host prints', async ({
  page,
  server,
}) => {
  await signIn(page, server);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Storage' }).click();
  await expect(page.getByRole('link', { name: 'Storage' })).toHaveAttribute('aria-current', 'page');

  // Time to show, measured on a full load of /storage (the JS, the session check, zpool status).
  await page.goto(`${server.url}/storage`);
  await page.waitForFunction(
    () => document.querySelectorAll('table[aria-label="Devices of zones"] tbody tr').length > 0,
    null,
    { polling: 'raf', timeout: 15_000 },
  );
  const shownMs = Math.round(await page.evaluate(() => performance.now()));
  test.info().annotations.push({ type: 'pool page shown', description: `${shownMs} ms after navigation` });
  console.log(`pool page: vdev tree shown ${shownMs} ms after navigation start`);

  const devices = page.getByRole('table', { name: 'Devices of zones' });
  await expect(devices.locator('tbody tr th, tbody tr td:first-child')).toHaveText([
    /^zones\s*pool/,
    /^mirror-0\s*mirror/,
    /^c1t0d0/,
    /^c1t1d0/,
  ]);
  for (const disk of ['c1t0d0', 'c1t1d0']) {
    const row = devices.locator('tr[data-kind="disk"]', { hasText: disk });
    await expect(row).toContainText('ONLINE');
  }
  await expect(devices.locator('tr[data-kind="mirror"]')).toContainText('ONLINE');

  const dedup = hostCommand(server, ['zpool', 'list', '-H', '-o', 'dedupratio', 'zones']).trim();
  const compress = hostCommand(server, ['zfs', 'get', '-H', '-o', 'value', 'compressratio', 'zones']).trim();
  expect(dedup).toMatch(/^\d+\.\d\dx$/);
  await expect(poolFigure(page, 'Dedup ratio')).toHaveText(dedup);
  await expect(poolFigure(page, 'Compression ratio')).toHaveText(compress);
  await expect(page.getByRole('region', { name: 'Pool zones' }).getByRole('heading')).toContainText('ONLINE');

  // The dedup table and what it costs; the ARC; the dataset tree.
  const ddt = page.getByRole('region', { name: 'Dedup table of zones' });
  await expect(ddt.getByRole('table', { name: 'DDT histogram of zones' })).toBeVisible();
  await expect(ddt).toContainText('RAM for the table');
  await expect(page.getByRole('region', { name: 'ARC' })).toContainText('Hit ratio since boot');
  const datasets = page.getByRole('table', { name: 'Datasets' });
  await expect(datasets.locator('tr[data-dataset="zones/var"]')).toBeVisible();
  await page.screenshot({ path: '/tmp/zd-storage.png', fullPage: true });
});

test('an admin starts a scrub, confirms, and watches it run to the end', async ({ page, server }) => {
  test.setTimeout(120_000);
  await signIn(page, server);
  await page.goto(`${server.url}/storage`);
  const scrub = page.getByRole('region', { name: 'Scrub of zones' });
  await expect(scrub).toContainText('Last scrub');

  await scrub.getByRole('button', { name: 'Start scrub' }).click();
  const confirm = page.getByRole('dialog', { name: 'Scrub zones?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Start scrub' }).click();
  await expect(confirm).toBeHidden();

  const bar = scrub.getByRole('progressbar', { name: 'Scrubbing zones' });
  await expect(bar).toBeVisible();
  await expect(scrub.getByRole('button', { name: 'Scrub running' })).toBeDisabled();
  // The bar moves as `zpool status` is read every 2 s: collect what it shows until it is gone.
  const seen = new Set<number>();
  let shot = false;
  await expect
    .poll(
      async () => {
        if ((await bar.count()) === 0) return 'gone';
        const now = await bar.getAttribute('aria-valuenow', { timeout: 500 }).catch(() => null);
        if (now !== null) seen.add(Number(now));
        if (seen.size === 2 && !shot) {
          shot = true;
          await page.screenshot({ path: '/tmp/zd-scrub-running.png' });
        }
        return seen.size >= 3 ? 'moved' : 'running';
      },
      { timeout: 60_000, intervals: [250] },
    )
    .not.toBe('running');
  expect(seen.size, `progress seen: ${[...seen].join(', ')}`).toBeGreaterThanOrEqual(2);

  await expect(scrub).toContainText('Last scrub', { timeout: 90_000 });
  await expect(scrub).toContainText('no errors');
  await expect(scrub).not.toContainText('over a week old');
  await expect(page.locator('[data-sonner-toast]', { hasText: 'Scrubbed zones' })).toBeVisible();
  await expect(scrub.getByRole('button', { name: 'Start scrub' })).toBeEnabled();
});

test('an admin disables and enables ssh', async ({ page, server }) => {
  await signIn(page, server);
  await page.goto(`${server.url}/services?q=ssh`);
  await expect(page.getByLabel('Filter the services')).toHaveValue('ssh');
  const table = page.getByRole('table', { name: 'Services' });
  const ssh = table.locator('tbody tr', { hasText: 'svc:/network/ssh:default' });
  await expect(ssh).toContainText('online');
  await expect(page.getByRole('region', { name: 'Services needing attention' })).toContainText(
    'svc:/network/smtp:sendmail',
  );

  await ssh.getByRole('button', { name: 'Disable svc:/network/ssh:default' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disable network/ssh:default?' });
  await confirm.getByRole('button', { name: 'Disable' }).click();
  await expect(ssh.getByRole('button', { name: 'Enable svc:/network/ssh:default' })).toBeVisible();
  await expect(ssh.locator('td').first()).toHaveText('disabled');
  expect(hostCommand(server, ['svcs', '-H', '-o', 'state', 'svc:/network/ssh:default']).trim()).toBe(
    'disabled',
  );
  await page.screenshot({ path: '/tmp/zd-services.png', fullPage: true });

  await ssh.getByRole('button', { name: 'Enable svc:/network/ssh:default' }).click();
  await expect(ssh.locator('td').first()).toHaveText('online');
  await expect(ssh.getByRole('button', { name: 'Disable svc:/network/ssh:default' })).toBeEnabled();
  expect(hostCommand(server, ['svcs', '-H', '-o', 'state', 'svc:/network/ssh:default']).trim()).toBe(
    'online',
  );
});

test('deleting an image in use is refused with the VMs that use it', async ({ page, server }) => {
  await signIn(page, server);
  await page.goto(`${server.url}/images`);
  const installed = page.getByRole('table', { name: 'Installed images' });
  await expect(installed).toContainText('ubuntu-certified-18.04');
  await installed.getByRole('button', { name: 'Delete ubuntu-certified-18.04@20180808' }).click();
  const inUse = page.getByRole('dialog', { name: 'ubuntu-certified-18.04@20180808 is in use' });
  await expect(inUse).toContainText('elk');
  await inUse.getByRole('button', { name: 'Close' }).click();

  await expect(inUse).toBeHidden();
  await expect(installed).toContainText('ubuntu-certified-18.04');
  await page.screenshot({ path: '/tmp/zd-images.png', fullPage: true });
});

test('the network page shows the NICs with their tags, the VNICs per VM and the admin IP', async ({
  page,
  server,
}) => {
  await signIn(page, server);
  await page.goto(`${server.url}/network`);
  const nics = page.getByRole('table', { name: 'Physical NICs' });
  await expect(nics.locator('tbody tr', { hasText: 'bge0' })).toContainText('1 Gb/s');
  await expect(nics.locator('tbody tr', { hasText: 'bge0' })).toContainText('admin');
  await expect(page.getByRole('table', { name: 'VNICs' })).toContainText('samba');
  await expect(page.getByLabel('Admin network IP')).toHaveText(/^\d+\.\d+\.\d+\.\d+$/);
  await page.screenshot({ path: '/tmp/zd-network.png', fullPage: true });
});

test('an admin imports an image from the catalog, creates a zone from it, and sees the storage change', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await signIn(page, server);
  await page.goto(`${server.url}/images`);
  const installed = page.getByRole('table', { name: 'Installed images' });
  const catalog = page.getByRole('table', { name: 'Image catalog' });
  await catalog.getByRole('button', { name: 'Import base-64-lts@23.4.0' }).click();
  const bar = page.getByRole('progressbar', { name: 'Importing base-64-lts@23.4.0' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(page.getByRole('listitem', { name: 'Import of base-64-lts@23.4.0' })).toContainText(
    'succeeded',
  );
  await expect(installed.locator('tbody tr', { hasText: IMAGE })).toContainText('23.4.0');
  await expect(catalog).not.toContainText('23.4.0');
  await page.screenshot({ path: '/tmp/zd-images.png', fullPage: true });

  const before = hostCommand(server, ['zfs', 'list', '-H', '-o', 'name']).split('\n').filter(Boolean);
  const spec = path.join(server.dataDir, 'e2e-zone.json');
  writeFileSync(
    spec,
    JSON.stringify({
      brand: 'joyent',
      image_uuid: IMAGE,
      alias: 'e2e-zone',
      max_physical_memory: 256,
      quota: 5,
      nics: [{ nic_tag: 'admin', ip: 'dhcp' }],
    }),
  );
  const created = /Successfully created VM ([0-9a-f-]{36})/.exec(
    hostCommand(server, ['vmadm', 'create', '-f', spec]),
  );
  const uuid = created?.[1];
  expect(uuid).toBeTruthy();
  const after = hostCommand(server, ['zfs', 'list', '-H', '-o', 'name']).split('\n').filter(Boolean);
  expect(after.length).toBeGreaterThan(before.length);

  await page.goto(`${server.url}/storage`);
  const datasets = page.getByRole('table', { name: 'Datasets' });
  await expect(datasets.locator(`tr[data-dataset="zones/${IMAGE}"]`)).toContainText(
    'image base-64-lts@23.4.0',
  );
  await expect(datasets.locator(`tr[data-dataset="zones/${uuid}"]`)).toContainText('root of e2e-zone');
  const dedup = hostCommand(server, ['zpool', 'list', '-H', '-o', 'dedupratio', 'zones']).trim();
  await expect(poolFigure(page, 'Dedup ratio')).toHaveText(dedup);
  await expect(
    page.getByRole('region', { name: 'Datasets' }).getByRole('heading', { name: `Datasets ${after.length}` }),
  ).toBeVisible();
});
