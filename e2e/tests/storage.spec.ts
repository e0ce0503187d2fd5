import type { Page } from '@playwright/test';

import { expect, hostCommand, signIn, test } from '../fixtures/server.js';

// Issue 7: storage, images and services on the office profile. The simulated host runs 100×
// faster, so a scrub of the 39 GiB pool (about 14 min of simulated time) takes about 10 s: long
// enough for the page, which reads `zpool status` every 2 s, to show it moving.
// Images come over a 192 KiB/s link, so an import's progress can be watched (~25 s).
test.use({ serverEnv: { SMARTOS_SIM_SPEED: '100', SMARTOS_SIM_LINK_KIBPS: '192' } });
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
  const arc = page.getByRole('region', { name: 'ARC' });
  await expect(arc).toContainText('Hit ratio since boot');
  // The hit-ratio chart is live: kstat is read every 5 s and each reading adds an interval.
  await expect(arc).toContainText(/\b[3-9] samples while this page is open/, { timeout: 40_000 });
  await expect(
    arc.getByRole('img', { name: /^Hit ratio over the last [2-9] intervals, now \d/ }),
  ).toBeVisible();
  const datasets = page.getByRole('table', { name: 'Datasets' });
  await expect(datasets.locator('tr[data-dataset="zones/var"]')).toBeVisible();
});

test('an admin starts a scrub, confirms, and watches it run to the end', async ({ page, server }) => {
  test.setTimeout(120_000);
  await signIn(page, server);
  await page.goto(`${server.url}/storage`);
  const scrub = page.getByRole('region', { name: 'Scrub of zones' });
  await expect(scrub).toContainText('Last scrub');
  // The office host's last scrub is months old: flagged.
  await expect(scrub).toContainText('over a week old');

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
  await expect
    .poll(
      async () => {
        if ((await bar.count()) === 0) return 'gone';
        const now = await bar.getAttribute('aria-valuenow', { timeout: 500 }).catch(() => null);
        if (now !== null) seen.add(Number(now));
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
});

test('an admin imports an image from the catalog, creates a zone from it, and sees the storage change', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  await signIn(page, server);
  const hostRatio = () => hostCommand(server, ['zpool', 'list', '-H', '-o', 'dedupratio', 'zones']).trim();
  const hostDatasets = () =>
    hostCommand(server, ['zfs', 'list', '-H', '-o', 'name']).split('\n').filter(Boolean);
  const datasetsHeading = (n: number) =>
    page.getByRole('region', { name: 'Datasets' }).getByRole('heading', { name: `Datasets ${n}` });

  // Before: the ratio and dataset count the host prints.
  await page.goto(`${server.url}/storage`);
  const ratioBefore = hostRatio();
  await expect(poolFigure(page, 'Dedup ratio')).toHaveText(ratioBefore);
  await expect(datasetsHeading(hostDatasets().length)).toBeVisible();

  // Import: imgadm's own bar, read through a terminal, shows the step, the bytes and the rate live.
  await page.goto(`${server.url}/images`);
  const installed = page.getByRole('table', { name: 'Installed images' });
  const catalog = page.getByRole('table', { name: 'Image catalog' });
  await catalog.getByRole('button', { name: 'Import base-64-lts@23.4.0' }).click();
  const item = page.getByRole('listitem', { name: 'Import of base-64-lts@23.4.0' });
  const bar = item.getByRole('progressbar', { name: 'Importing base-64-lts@23.4.0' });
  await expect(bar).toBeVisible();
  const step = item.getByRole('definition').first();
  const downloaded = item.locator('dt', { hasText: /^Downloaded$/ }).locator('+ dd');
  const rate = item.locator('dt', { hasText: /^Rate$/ }).locator('+ dd');
  await expect(step).toHaveText('Downloading', { timeout: 30_000 });
  // The file is ~4.6 MiB over a 192 KiB/s link: redraws twice a second, each with more bytes.
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        const text = await downloaded.textContent({ timeout: 2_000 }).catch(() => null);
        if (text) seen.add(text);
        return seen.size;
      },
      { timeout: 40_000, intervals: [200] },
    )
    .toBeGreaterThanOrEqual(3);
  for (const text of seen) expect(text).toMatch(/^\d+(\.\d+)? (B|KiB|MiB) of \d\.\d\d MiB$/);
  // progbar shows a rate after its 2 s warm-up
  await expect(rate).toHaveText(/^\d+(\.\d+)? KiB\/s$/, { timeout: 20_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
  await expect(item).toContainText('succeeded');
  await expect(installed.locator('tbody tr', { hasText: IMAGE })).toContainText('23.4.0');
  await expect(catalog).not.toContainText('23.4.0');

  // The job's log: imgadm's lines and the bar at each quarter, no terminal control sequences.
  await page.goto(`${server.url}/jobs`);
  await page
    .getByRole('table', { name: 'Jobs' })
    .getByRole('link', { name: /Import image/ })
    .first()
    .click();
  const log = page.getByLabel('Job log');
  await expect(log).toContainText(`Importing ${IMAGE} (base-64-lts@23.4.0)`);
  await expect(log).toContainText(
    /Download: 100% \(\d\.\d\d MiB of \d\.\d\d MiB at [\d.]+ MiB\/s\), checking the checksum/,
  );
  await expect(log).toContainText(`Imported image ${IMAGE} (base-64-lts@23.4.0)`);
  const logText = (await log.textContent()) ?? '';
  expect(logText).not.toContain('\x1b');
  expect(logText).not.toContain('[1G');
  expect(logText.match(/Download: /g)?.length ?? 0).toBeLessThanOrEqual(5);

  // The import put a new image into the pool: new DDT entries, the ratio falls.
  await page.goto(`${server.url}/storage`);
  const ratioImported = hostRatio();
  expect(ratioImported).not.toBe(ratioBefore);
  await expect(poolFigure(page, 'Dedup ratio')).toHaveText(ratioImported);

  // "Create VM from this image": the wizard opens with the image and its brand chosen.
  await page.goto(`${server.url}/images`);
  await installed.getByRole('link', { name: 'Create VM from base-64-lts@23.4.0' }).click();
  await expect(page.getByRole('heading', { name: 'Create a VM' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /OS zone \(joyent\)/ })).toBeChecked();
  const next = async (name: string) => {
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('region', { name: new RegExp(`^Step \\d: ${name}$`) })).toBeVisible();
  };
  await next('Image');
  await expect(page.getByRole('radio', { name: /base-64-lts 23\.4\.0/ })).toBeChecked();
  await next('Size');
  await page.getByLabel('RAM').fill('256');
  await next('Network');
  await page.getByLabel('NIC tag').selectOption('admin');
  await page.getByRole('radio', { name: 'DHCP' }).check();
  await next('Identity');
  await page.getByLabel('Alias').fill('e2e-zone');
  await next('Review');
  await expect(page.getByLabel('vmadm create payload')).toContainText(`"image_uuid": "${IMAGE}"`);
  await page.getByRole('button', { name: 'Create VM' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await expect
    .poll(() => hostCommand(server, ['vmadm', 'list', '-H', '-o', 'alias,state', 'alias=e2e-zone']).trim(), {
      timeout: 60_000,
    })
    .toMatch(/^e2e-zone\s+running$/);
  const uuid = hostCommand(server, ['vmadm', 'list', '-H', '-o', 'uuid', 'alias=e2e-zone']).trim();

  // The clone references the image's blocks once more and its first boot writes: the ratio
  // changes again, and the dataset list gains the zone (and its cores dataset).
  await page.goto(`${server.url}/storage`);
  const ratioZone = hostRatio();
  expect(ratioZone).not.toBe(ratioImported);
  await expect(poolFigure(page, 'Dedup ratio')).toHaveText(ratioZone);
  const datasets = page.getByRole('table', { name: 'Datasets' });
  await expect(datasets.locator(`tr[data-dataset="zones/${IMAGE}"]`)).toContainText(
    'image base-64-lts@23.4.0',
  );
  await expect(datasets.locator(`tr[data-dataset="zones/${uuid}"]`)).toContainText('root of e2e-zone');
  await expect(datasetsHeading(hostDatasets().length)).toBeVisible();
  const entries = /DDT entries (\d+),/.exec(hostCommand(server, ['zpool', 'status', '-D', 'zones']))?.[1];
  await expect(page.getByRole('region', { name: 'Dedup table of zones' })).toContainText(
    Number(entries).toLocaleString('en-US'),
  );
});

test('an admin adds an image source and removes it', async ({ page, server }) => {
  await signIn(page, server);
  await page.goto(`${server.url}/images`);
  const sources = page.getByRole('list', { name: 'Image sources' });
  const hostSources = () => hostCommand(server, ['imgadm', 'sources']).split('\n').filter(Boolean);
  const before = hostSources();
  await expect(sources.getByRole('listitem')).toHaveCount(before.length);

  // A URL that is not one is refused at the field; nothing changes on the host.
  const field = page.getByLabel('Add an image source (IMGAPI URL)');
  await field.fill('not a url');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(hostSources()).toEqual(before);

  const url = 'https://datasets.at/';
  await field.fill(url);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(sources).toContainText(url);
  expect(hostSources()).toEqual([...before, url]);

  await sources.getByRole('button', { name: `Remove source ${url}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this image source?' });
  await confirm.getByRole('button', { name: 'Remove source' }).click();
  await expect(sources).not.toContainText(url);
  expect(hostSources()).toEqual(before);
});
