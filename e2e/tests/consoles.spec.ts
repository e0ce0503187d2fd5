import type { Page } from '@playwright/test';

import { expect, hostCommand, signIn, test } from '../fixtures/server.js';

// ZoneDeck issue 6: VNC, serial and shell consoles through /api/console (docs/consoleProtocol.md).
const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';

test.use({ serverEnv: { SMARTOS_SIM_GUEST: 'builtin' } });
// hostCommand runs the simulator's commands with this process's environment: a guest that
// `vmadm reboot` starts must be the same built-in guest (QEMU would take a minute to boot).
process.env.SMARTOS_SIM_GUEST = 'builtin';

function terminalText(page: Page) {
  return page.locator('.xterm-rows');
}

test('VNC, serial and shell consoles work, and a stopped guest says so', async ({ page, server }) => {
  test.setTimeout(120_000);
  await signIn(page, server);

  // VNC: the screen changes when typing.
  await page.goto(`${server.url}/consoles/${ELK}?kind=vnc`);
  await expect(page.getByRole('heading', { name: 'elk' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  const canvas = page.getByRole('application', { name: 'VNC console' }).locator('canvas');
  await expect(canvas).toBeVisible();
  await page.waitForTimeout(500);
  const before = await canvas.screenshot();
  await canvas.click();
  await page.keyboard.type('echo typed-in-vnc');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await canvas.screenshot()).equals(before), { timeout: 10_000 }).toBe(false);
  await page.screenshot({ path: test.info().outputPath('vnc-console.png') });

  // Serial: log in and run a command.
  await page.getByRole('navigation', { name: 'Consoles' }).getByRole('link', { name: 'Serial' }).click();
  await expect(page).toHaveURL(/kind=serial/);
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  const serial = page.getByRole('application', { name: 'Serial console' });
  await serial.click();
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText('login:');
  await page.keyboard.type('root\n');
  await expect(terminalText(page)).toContainText('assword:');
  await page.keyboard.type('root\n');
  // Typed before the shell is there, keys would go to the login line.
  await expect(terminalText(page)).toContainText('root]#');
  await page.keyboard.type('echo hi-$((6*7))\n');
  await expect(terminalText(page)).toContainText('hi-42');
  await page.screenshot({ path: test.info().outputPath('serial-console.png') });

  // Shell: the zone's hostname, and the PTY follows the window's size.
  const hostname = String(
    (JSON.parse(hostCommand(server, ['vmadm', 'get', DHCP])) as { hostname: string }).hostname,
  );
  await page.goto(`${server.url}/consoles/${DHCP}?kind=shell`);
  await expect(page.getByRole('heading', { name: 'DHCP' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await page.getByRole('application', { name: 'Shell console' }).click();
  await expect(terminalText(page)).toContainText('#');
  // xterm's rows read as one string: mark the output so the command line does not match.
  await page.keyboard.type('echo host=$(hostname)\n');
  await expect(terminalText(page)).toContainText(`host=${hostname}[`);
  // Typed and printed UTF-8 survives the trip (xterm.js encodes and decodes; the relay passes
  // bytes). Typed to `read`, not to bash's line editor: in the zone's C locale readline takes
  // the bytes of ü for Meta keys, as it would on a SmartOS zone.
  await page.keyboard.type('read x; echo "utf=$x"\n');
  await page.keyboard.type('ü€\n');
  await expect(terminalText(page)).toContainText('utf=ü€[');
  const sizes = async () =>
    [...((await terminalText(page).textContent()) ?? '').matchAll(/size=(\d+ \d+)/g)].map((m) => m[1]);
  await page.keyboard.type('echo size=$(stty size)\n');
  await expect.poll(async () => (await sizes()).length).toBe(1);
  const [first] = await sizes();
  await page.screenshot({ path: test.info().outputPath('shell-console.png') });
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: viewport.width - 300, height: viewport.height - 200 });
  await page.waitForTimeout(300);
  await page.keyboard.type('echo size=$(stty size)\n');
  await expect.poll(async () => (await sizes()).length).toBe(2);
  expect((await sizes())[1]).not.toBe(first);
  await page.setViewportSize(viewport);

  // Rebooting elk: the serial console says so and comes back by itself, on the new guest.
  await page.goto(`${server.url}/consoles/${ELK}?kind=serial`);
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  // Still logged in from above: the guest keeps its serial session across links.
  await page.getByRole('application', { name: 'Serial console' }).click();
  await page.keyboard.type('echo before-$((1+1))\n');
  await expect(terminalText(page)).toContainText('before-2');
  hostCommand(server, ['vmadm', 'reboot', ELK]);
  await expect(terminalText(page)).toContainText('[guest rebooting, reconnecting…]');
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Disconnected' })).toHaveCount(0);
  // A new guest: a new login.
  await page.getByRole('application', { name: 'Serial console' }).click();
  await page.keyboard.press('Enter');
  await expect(terminalText(page)).toContainText('login:');
  await page.keyboard.type('root\n');
  await expect(terminalText(page)).toContainText('assword:');
  const prompts = async () => ((await terminalText(page).textContent()) ?? '').split('root]#').length;
  const promptsBefore = await prompts();
  await page.keyboard.type('root\n');
  await expect.poll(prompts).toBeGreaterThan(promptsBefore);
  await page.keyboard.type('echo back-$((40+2))\n');
  await expect(terminalText(page)).toContainText('back-42');
  await page.screenshot({ path: test.info().outputPath('rebooted-console.png') });

  // Stopping elk ends its console with the reason, and offers Start.
  hostCommand(server, ['vmadm', 'stop', ELK, '-F']);
  const alert = page.getByRole('alert').filter({ hasText: 'Disconnected' });
  await expect(alert).toContainText('the guest stopped');
  await expect(alert.getByRole('button', { name: 'Reconnect' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('stopped-console.png') });
  await alert.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({ timeout: 30_000 });
});
