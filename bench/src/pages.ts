/**
 * What a user waits for, measured in Debian's chromium against the production server on the
 * office profile:
 *
 * - first-load JS per page: the JS a fresh browser (empty cache) loads for the page, as the sum of
 *   each script's size after gzip -9 (the server may send it otherwise; this is the figure to
 *   compare between builds), read from the network;
 * - the largest contentful paint of the VM list (PerformanceObserver), against /login's in the
 *   same run (a page that reads nothing from the host: the floor);
 * - /storage: navigation start to the pool panel's device tree shown.
 *
 * Timings are medians of N fresh-context loads, interleaved.
 *
 *   pnpm --filter @zonedeck/bench pages [runs]
 */
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';

import type { Browser, BrowserContext, Page } from '@playwright/test';

import { startSignedInBrowser } from './browser/signedInBrowser.js';
import { summarize } from './stats.js';

const runs = Number(process.argv[2] ?? 5);
const VIEWPORT = { width: 1440, height: 900 };
const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';

/** The page's title; the scripts are counted once the network is idle after it. */
const h1 = (name: string | RegExp) => (p: Page) =>
  p.getByRole('heading', { level: 1, name }).first().waitFor({ timeout: 60_000 });

/** Each page and what shows once it has its data. */
const pages: { path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { path: '/login', ready: (p) => p.getByLabel('User name').waitFor() },
  { path: '/', ready: (p) => p.locator('tbody tr').first().waitFor({ timeout: 60_000 }) },
  { path: `/vms/${ELK}`, ready: (p) => p.getByRole('tab', { name: 'Summary' }).waitFor({ timeout: 60_000 }) },
  { path: '/vms/new', ready: h1(/Create/) },
  { path: '/images', ready: h1('Images') },
  { path: '/storage', ready: (p) => poolPanel(p) },
  {
    path: '/network',
    ready: h1('Network'),
  },
  {
    path: '/services',
    ready: h1('Services'),
  },
  { path: '/jobs', ready: h1('Jobs') },
  { path: '/audit', ready: h1('Audit') },
  {
    path: `/consoles/${ELK}?kind=vnc`,
    ready: (p) => p.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 60_000 }),
  },
];

function poolPanel(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () => document.querySelectorAll('table[aria-label="Devices of zones"] tbody tr').length > 0,
    null,
    { polling: 'raf', timeout: 60_000 },
  );
}

/** A fresh context (empty cache) with the session of the signed-in one, or none for /login. */
async function freshPage(browser: Browser, signedIn: BrowserContext | null): Promise<BrowserContext> {
  return browser.newContext({
    viewport: VIEWPORT,
    ...(signedIn ? { storageState: await signedIn.storageState() } : {}),
  });
}

async function firstLoadJs(
  browser: Browser,
  signedIn: BrowserContext,
  base: string,
  path: string,
  ready: (page: Page) => Promise<unknown>,
) {
  const context = await freshPage(browser, path === '/login' ? null : signedIn);
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer | null>>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script' || bodies.has(response.url())) return;
    bodies.set(
      response.url(),
      response.body().catch(() => null),
    );
  });
  await page.goto(`${base}${path}`);
  await ready(page);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  let gzip = 0;
  let raw = 0;
  for (const body of await Promise.all(bodies.values())) {
    if (!body) continue;
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  await context.close();
  return { files: bodies.size, raw, gzip };
}

/** The LCP of `path` in a fresh context: the last candidate the observer reported once ready. */
async function lcp(
  browser: Browser,
  signedIn: BrowserContext | null,
  url: string,
  ready: (page: Page) => Promise<unknown>,
) {
  const context = await freshPage(browser, signedIn);
  await context.addInitScript(() => {
    const w = window as unknown as { __lcp: number };
    w.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  // LCP candidates stop at the first input; until then give late paints (the rows) a moment.
  await page.waitForTimeout(1_000);
  const value = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  await context.close();
  return value;
}

async function storageShown(browser: Browser, signedIn: BrowserContext, url: string) {
  const context = await freshPage(browser, signedIn);
  const page = await context.newPage();
  await page.goto(url);
  await poolPanel(page);
  const shown = await page.evaluate(() => performance.now());
  await context.close();
  return shown;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

const b = await startSignedInBrowser({}, VIEWPORT);
try {
  const base = b.server.url;
  const loadBefore = loadavg()[0] ?? 0;

  console.log('\nFirst-load JS (fresh cache, gzip -9 of each script loaded):\n');
  console.log('| page | scripts | raw KiB | gzip KiB |');
  console.log('| ---- | ------: | ------: | -------: |');
  for (const { path, ready } of pages) {
    const js = await firstLoadJs(b.browser, b.context, base, path, ready);
    console.log(`| \`${path}\` | ${js.files} | ${kb(js.raw)} | ${kb(js.gzip)} |`);
  }

  const vmListReady = (p: Page) => p.locator('tbody tr').first().waitFor({ timeout: 60_000 });
  const loginReady = (p: Page) => p.getByLabel('User name').waitFor();
  const samples = { lcpVmList: [] as number[], lcpLogin: [] as number[], storage: [] as number[] };
  // One warm-up round (the server's first render of each route), then `runs`, interleaved.
  for (let round = -1; round < runs; round++) {
    const a = await lcp(b.browser, b.context, `${base}/`, vmListReady);
    const l = await lcp(b.browser, null, `${base}/login`, loginReady);
    const s = await storageShown(b.browser, b.context, `${base}/storage`);
    if (round < 0) continue;
    samples.lcpVmList.push(a);
    samples.lcpLogin.push(l);
    samples.storage.push(s);
  }
  const loadAfter = loadavg()[0] ?? 0;
  const vm = summarize(samples.lcpVmList);
  const login = summarize(samples.lcpLogin);
  const storage = summarize(samples.storage);
  console.log(
    `\nTimings, ${runs} fresh-context loads each (load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}):\n`,
  );
  console.log('| measure | median ms | p95 ms | ratio to /login LCP |');
  console.log('| ------- | --------: | -----: | ------------------: |');
  const row = (name: string, s: { median: number; p95: number }) =>
    console.log(
      `| ${name} | ${s.median.toFixed(0)} | ${s.p95.toFixed(0)} | ${(s.median / login.median).toFixed(2)}x |`,
    );
  row('LCP, /login (floor)', login);
  row('LCP, VM list `/`', vm);
  row('/storage: pool panel shown', storage);
} finally {
  await b.stop();
}
