/**
 * The VM list page as a user gets it, in Debian's chromium against the production server:
 *
 * 1. create → running: from the click on "Create VM" in the wizard to the new row showing
 *    running, on the simulated office host at SMARTOS_SIM_SPEED=1; the peer is the same create
 *    with the host's own `vmadm create` (what the page waits for, without the page).
 * 2. time to interactive: navigation to the first row visible, and to the text filter having
 *    narrowed the list, with the large profile (2,000 VMs) against the office profile (6 VMs),
 *    interleaved in one run.
 * 3. scrolling the 2,000-row list: frames per second counted with requestAnimationFrame while a
 *    script scrolls it top to bottom, against the page's idle frame rate in the same run.
 *
 *   pnpm --filter @zonedeck/bench vm-list-page [rounds]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { hostCommand, hostVms, hostVmState } from '@zonedeck/e2e/productionServer';
import { fillZoneWizard } from '@zonedeck/e2e/vmWizard';

import { startSignedInBrowser, type SignedInBrowser } from './browser/signedInBrowser.js';
import { summarize } from './stats.js';

const rounds = Number(process.argv[2] ?? 5);
const BASE_IMAGE = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const table = (page: Page) => page.getByRole('table', { name: 'Virtual machines' });

function row(label: string, samples: readonly number[], peer: number, unit = 'ms'): string {
  const { median, p95 } = summarize(samples);
  return `| ${label} | ${median.toFixed(0)} ${unit} | ${p95.toFixed(0)} ${unit} | ${(median / peer).toFixed(2)}x |`;
}

async function untilRunning(page: Page, alias: string): Promise<void> {
  await table(page)
    .locator('tbody tr', { hasText: alias })
    .getByText('running')
    .waitFor({ timeout: 120_000 });
}

/** 1. Click "Create VM" → row running, against `vmadm create` on the host, interleaved. */
async function createToRunning(office: SignedInBrowser): Promise<{ page: number[]; host: number[] }> {
  const { page, server } = office;
  const dir = mkdtempSync(path.join(tmpdir(), 'zonedeck-bench-create-'));
  const samples = { page: [] as number[], host: [] as number[] };
  try {
    for (let round = 0; round < rounds; round++) {
      const alias = `bench-ui-${round}`;
      await fillZoneWizard(page, { alias });
      const started = performance.now();
      await page.getByRole('button', { name: 'Create VM' }).click();
      await untilRunning(page, alias);
      samples.page.push(performance.now() - started);

      const payload = path.join(dir, `${round}.json`);
      const hostAlias = `bench-host-${round}`;
      writeFileSync(
        payload,
        JSON.stringify({
          brand: 'joyent',
          image_uuid: BASE_IMAGE,
          max_physical_memory: 256,
          alias: hostAlias,
          nics: [{ nic_tag: 'admin', ip: 'dhcp' }],
        }),
      );
      const hostStarted = performance.now();
      hostCommand(server, ['vmadm', 'create', '-f', payload]);
      samples.host.push(performance.now() - hostStarted);
      if (hostVmState(server, hostAlias) !== 'running') throw new Error(`${hostAlias} is not running`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return samples;
}

/** 2. Navigation → first row visible, → the text filter has narrowed the list to one VM. */
async function timeToInteractive(
  browser: SignedInBrowser,
  needle: string,
): Promise<{ firstRow: number; filtered: number }> {
  const page = await browser.context.newPage();
  try {
    const started = performance.now();
    await page.goto(`${browser.server.url}/`);
    const rows = table(page).locator('tbody tr:not([aria-hidden])');
    await rows.first().waitFor();
    const firstRow = performance.now() - started;
    await page.getByLabel('Filter VMs by text').fill(needle);
    await page.getByText(/^1 of \d+ VMs shown$/).waitFor();
    return { firstRow, filtered: performance.now() - started };
  } finally {
    await page.close();
  }
}

/**
 * Runs in the page. A string, not a function: tsx (esbuild keepNames) would wrap the function's
 * inner names in a `__name` helper the page does not have.
 */
const SCROLL_SCRIPT = `(async () => {
  const el = document.querySelector('[data-testid="vm-table-scroll"]');
  if (!el) throw new Error('no scroll container');
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  el.scrollTop = 0;
  await frame();
  // Scroll: five rows per frame, top to bottom, reading each frame as it comes.
  let frames = 0;
  const start = await frame();
  let last = start;
  while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
    el.scrollTop += 220;
    last = await frame();
    frames++;
  }
  // Idle: the same page, not scrolling, for as long.
  let idleFrames = 0;
  const idleStart = await frame();
  let idleLast = idleStart;
  while (idleLast - idleStart < last - start) {
    idleLast = await frame();
    idleFrames++;
  }
  return {
    scrollFps: (frames * 1000) / (last - start),
    idleFps: (idleFrames * 1000) / (idleLast - idleStart),
  };
})()`;

/** 3. Frames counted while a script scrolls the list to the end, and while the page is idle. */
async function scrollFps(
  browser: SignedInBrowser,
): Promise<{ scroll: number[]; idle: number[]; rows: number }> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${browser.server.url}/`);
    await table(page).locator('tbody tr:not([aria-hidden])').first().waitFor();
    const rows = Number(await table(page).getAttribute('aria-rowcount')) - 1;
    const out = { scroll: [] as number[], idle: [] as number[], rows };
    for (let round = 0; round < rounds; round++) {
      const result = await page.evaluate<{ scrollFps: number; idleFps: number }>(SCROLL_SCRIPT);
      out.scroll.push(result.scrollFps);
      out.idle.push(result.idleFps);
    }
    return out;
  } finally {
    await page.close();
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `load average at the start: ${load()}; uptime: ${spawnSync('uptime', { encoding: 'utf8' }).stdout.trim()}`,
);

// Started together: the large host's first start seeds 2,000 VMs and gives its running
// kvm/bhyve VMs their guests (several minutes on a loaded machine).
const [officeStart, largeStart] = await Promise.allSettled([
  startSignedInBrowser({ SMARTOS_SIM_SPEED: '1' }),
  startSignedInBrowser({ ZONEDECK_SIM_PROFILE: 'large', SMARTOS_SIM_SPEED: '1' }, undefined, 900_000),
]);
const office = officeStart.status === 'fulfilled' ? officeStart.value : undefined;
const large = largeStart.status === 'fulfilled' ? largeStart.value : undefined;
try {
  if (!office || !large) {
    const failed = [officeStart, largeStart].find((r) => r.status === 'rejected');
    throw failed?.status === 'rejected' ? failed.reason : new Error('a server did not start');
  }
  const tti = { office: { firstRow: [] as number[], filtered: [] as number[] } };
  const ttiLarge = { firstRow: [] as number[], filtered: [] as number[] };
  // A uuid: one VM, whatever the aliases.
  const needle = (b: SignedInBrowser) => hostVms(b.server)[0]?.uuid ?? 'none';
  const officeNeedle = needle(office);
  const largeNeedle = needle(large);
  await timeToInteractive(office, officeNeedle);
  await timeToInteractive(large, largeNeedle);
  for (let round = 0; round < rounds; round++) {
    const o = await timeToInteractive(office, officeNeedle);
    const l = await timeToInteractive(large, largeNeedle);
    tti.office.firstRow.push(o.firstRow);
    tti.office.filtered.push(o.filtered);
    ttiLarge.firstRow.push(l.firstRow);
    ttiLarge.filtered.push(l.filtered);
  }
  // Each part prints as soon as it is measured: a later failure does not lose it.
  console.log(`\n${rounds} rounds each after a warm-up; medians and 95th percentiles\n`);
  console.log('| case | median | p95 | ratio to the peer |');
  console.log('| --- | ---: | ---: | ---: |');
  const officeFirst = summarize(tti.office.firstRow).median;
  const officeFiltered = summarize(tti.office.filtered).median;
  console.log(row('office (6 VMs): navigation → first row (peer)', tti.office.firstRow, officeFirst));
  console.log(row('large (2,000 VMs): navigation → first row', ttiLarge.firstRow, officeFirst));
  console.log(
    row('office: navigation → filter narrowed the list (peer)', tti.office.filtered, officeFiltered),
  );
  console.log(row('large: navigation → filter narrowed the list', ttiLarge.filtered, officeFiltered));

  const fps = await scrollFps(large);
  const idle = summarize(fps.idle).median;
  console.log(row(`idle page, frames per second (peer)`, fps.idle, idle, 'fps'));
  console.log(row(`scrolling ${fps.rows} rows, frames per second`, fps.scroll, idle, 'fps'));

  const create = await createToRunning(office);
  const hostCreate = summarize(create.host).median;
  console.log(row('`vmadm create` on the host, speed 1 (peer)', create.host, hostCreate));
  console.log(row('click "Create VM" → row running, speed 1', create.page, hostCreate));
  console.log(`\nload average at the end: ${load()}`);
} finally {
  await office?.stop();
  await large?.stop();
}
