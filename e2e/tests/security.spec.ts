import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from '@playwright/test';

import { expect, hostCommand, signIn, test, type RunningServer } from '../fixtures/server.js';

// ZoneDeck issue 8, edge hardening in Chromium: the strict CSP the BFF sends (a per-request
// script nonce) lets every page and console work, and host or guest text never becomes markup,
// script, a clipboard write or an opened link.
const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';
const BASE_64_LTS = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';

test.use({ serverEnv: { SMARTOS_SIM_GUEST: 'builtin' } });

type Watched = Window & { __csp?: string[]; __xss?: unknown };

/**
 * Records the page's CSP violations (from an init script, which runs before any page script in
 * every document) and its uncaught errors and CSP console messages.
 */
function watch(page: Page) {
  void page.addInitScript(() => {
    const w = window as Watched;
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp?.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text()))
      errors.push(msg.text());
  });
  return {
    errors,
    violations: () => page.evaluate(() => (window as Watched).__csp ?? []),
  };
}

const hostileAlias = `<img src=x onerror="window.__xss='alias'">"><script>window.__xss='alias2'</script>`;
const hostileImage = `<svg onload="window.__xss='image'">-image</svg>`;

/**
 * Gives an installed image a manifest name that is markup, as a hostile image source could:
 * the simulated host keeps imgadm's database as SmartOS does (/var/imgadm/images), one record
 * per installed image.
 */
function nameImageHostile(server: RunningServer): void {
  const file = path.join(server.dataDir, 'sim', 'images', `${BASE_64_LTS}.json`);
  const record = JSON.parse(readFileSync(file, 'utf8')) as { manifest?: Record<string, unknown> };
  if (record.manifest) record.manifest.name = hostileImage;
  else (record as Record<string, unknown>).name = hostileImage;
  writeFileSync(file, JSON.stringify(record));
}

test('every page and console works under the CSP without a violation', async ({ page, server }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  const login = await page.goto(`${server.url}/login`);
  const csp = login?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
  // Next put the response's nonce on its scripts (else the app could not sign in below).
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
  expect(await page.locator('script[src]').count()).toBeGreaterThan(0);
  expect(
    await page.evaluate(() => Array.from(document.scripts).every((s) => (s.nonce ?? '').length > 0)),
  ).toBe(true);
  expect(await page.evaluate(() => document.scripts[0]?.nonce)).toBe(nonce);
  expect(login?.headers()['x-frame-options']).toBe('DENY');
  await signIn(page, server);

  const pages: [string, () => Promise<void>][] = [
    ['/', () => expect(page.getByRole('link', { name: 'samba' })).toBeVisible()],
    [`/vms/${DHCP}`, () => expect(page.getByRole('heading', { name: 'DHCP' })).toBeVisible()],
    ['/vms/new', () => expect(page.getByRole('heading').first()).toBeVisible()],
    ['/images', () => expect(page.getByRole('heading').first()).toBeVisible()],
    ['/storage', () => expect(page.getByRole('region', { name: 'Pool zones' })).toBeVisible()],
    ['/network', () => expect(page.getByRole('heading').first()).toBeVisible()],
    ['/services', () => expect(page.getByRole('heading').first()).toBeVisible()],
    ['/jobs', () => expect(page.getByRole('heading').first()).toBeVisible()],
    ['/audit', () => expect(page.getByRole('heading').first()).toBeVisible()],
    [
      `/consoles/${ELK}?kind=vnc`,
      () => expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible(),
    ],
    [
      `/consoles/${ELK}?kind=serial`,
      () => expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible(),
    ],
    [
      `/consoles/${DHCP}?kind=shell`,
      () => expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible(),
    ],
  ];
  for (const [url, rendered] of pages) {
    await page.goto(`${server.url}${url}`);
    await rendered();
    if (url.includes('kind=shell')) {
      // Coloured output makes xterm.js write inline styles: they must be allowed.
      await page.getByRole('application', { name: 'Shell console' }).click();
      await page.keyboard.type(
        "printf '\\033[1;31mred\\033[0m \\033[38;2;10;200;30mtrue-colour\\033[0m\\n'\n",
      );
      await expect(page.locator('.xterm-rows')).toContainText('true-colour');
    }
    await page.waitForTimeout(500);
    expect(await w.violations(), url).toEqual([]);
  }
  expect(w.errors).toEqual([]);

  // The policy is enforced, not only sent: injected markup's inline handler does not run.
  await page.evaluate(() =>
    document.body.insertAdjacentHTML(
      'beforeend',
      `<img src="/missing.png" onerror="window.__xss='injected'">`,
    ),
  );
  await expect
    .poll(() => w.violations())
    .toContainEqual(expect.stringMatching(/^script-src-attr blocked inline/));
  expect(await page.evaluate(() => (window as Watched).__xss)).toBeUndefined();
});

test('markup in a VM alias and an image name shows as text and never runs', async ({ page, server }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  hostCommand(server, ['vmadm', 'update', DHCP, `alias=${hostileAlias}`]);
  nameImageHostile(server);
  await signIn(page, server);

  const noScriptRan = async () => {
    expect(await page.evaluate(() => (window as Watched).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  };

  await page.goto(`${server.url}/`);
  await expect(page.getByText(hostileAlias, { exact: true }).first()).toBeVisible();
  await noScriptRan();

  await page.goto(`${server.url}/vms/${DHCP}`);
  await expect(page.getByRole('heading', { name: hostileAlias })).toBeVisible();
  expect(await page.title()).not.toContain('<img');
  await noScriptRan();

  await page.goto(`${server.url}/consoles/${DHCP}?kind=shell`);
  await expect(page.getByRole('heading', { name: hostileAlias })).toBeVisible();
  await noScriptRan();

  await page.goto(`${server.url}/images`);
  await expect(page.getByText(hostileImage, { exact: true }).first()).toBeVisible();
  await noScriptRan();
  expect(w.errors).toEqual([]);
});

test('terminal output cannot set the title, write the clipboard or open a link', async ({ page, server }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await signIn(page, server);
  await page.goto(`${server.url}/consoles/${DHCP}?kind=shell`);
  // zlogin starts slowly on a loaded machine.
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 60_000 });
  const title = await page.title();
  const term = page.getByRole('application', { name: 'Shell console' });
  const rows = page.locator('.xterm-rows');
  await page.evaluate(() => navigator.clipboard.writeText('clipboard-before'));
  await term.click();
  await expect(rows).toContainText('#');

  // HTML in plain output, an OSC 0/2 title, and an OSC 52 clipboard write ("pwned" in base64).
  await page.keyboard.type(`echo '<img src=x onerror=window.__xss=1>'-end\n`);
  await expect(rows).toContainText('<img src=x onerror=window.__xss=1>-end');
  await page.keyboard.type(`printf '\\033]0;<b>owned-title</b>\\007\\033]2;owned-title\\007t1\\n'\n`);
  await page.keyboard.type(`printf '\\033]52;c;cHduZWQ=\\007c1\\n'\n`);
  await expect(rows).toContainText('c1');
  await page.waitForTimeout(500);
  expect(await page.title()).toBe(title);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('clipboard-before');

  // OSC 8 hyperlinks: an http link asks first (and opens nothing when declined); a javascript:
  // link is not even offered.
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const popups: string[] = [];
  page.context().on('page', (p) => popups.push(p.url()));
  const clickLinkText = async (text: string) => {
    const row = rows.locator('div', { hasText: new RegExp(`^${text}$`) }).last();
    const box = await row.boundingBox();
    if (!box) throw new Error(`no row with ${text}`);
    const x = box.x + 12;
    const y = box.y + box.height / 2;
    await page.mouse.move(x - 5, y);
    await page.mouse.move(x, y);
    await page.waitForTimeout(300);
    await page.mouse.click(x, y);
    await page.waitForTimeout(500);
  };
  await page.keyboard.type(
    `clear; printf '\\033]8;;http://evil.example/x\\033\\\\httplink\\033]8;;\\033\\\\\\n'\n`,
  );
  await expect(rows).toContainText('httplink');
  await clickLinkText('httplink');
  await expect.poll(() => dialogs.length).toBe(1);
  // Our handler's question (xterm.js's own default would ask differently, and open a window).
  expect(dialogs[0]).toMatch(/^The guest's terminal links to\n\nhttp:\/\/evil\.example\/x\n/);

  await page.keyboard.type(
    `clear; printf '\\033]8;;javascript:window.__xss=8\\033\\\\jslink\\033]8;;\\033\\\\\\n'\n`,
  );
  await expect(rows).toContainText('jslink');
  await clickLinkText('jslink');
  expect(dialogs).toHaveLength(1);
  expect(popups).toEqual([]);
  expect(page.url()).toContain(`/consoles/${DHCP}`);
  expect(await page.evaluate(() => (window as Watched).__xss)).toBeUndefined();
  expect(await page.locator('.xterm-rows img').count()).toBe(0);
  expect(await w.violations()).toEqual([]);
  expect(w.errors).toEqual([]);
});
